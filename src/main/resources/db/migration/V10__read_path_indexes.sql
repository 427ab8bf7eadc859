-- Indexes for every filter and sort of the public API, with the id that breaks ties, so a page is read in
-- index order and stops at its last row instead of sorting every matching article.
-- Lists newest/oldest first, in one language or all (article.status is always part of a public filter):
create index ix_article_status_published_id on article (status, published_at, id);
create index ix_article_language_status_published on article (language, status, published_at, id);
-- Lists by title (ICU collation key), in one language or all:
create index ix_article_language_status_title_key on article (language, status, title_key, id);
-- Tag and author filters: from the tag or author straight to its articles.
create index ix_article_tag_tag_article on article_tag (tag_id, article_id);
create index ix_article_author_author_article on article_author (author_id, article_id);
-- The author list, by name.
create index ix_author_display_name on author (display_name, id);
-- An old slug without a language (the primary key starts with the language).
create index ix_article_slug_redirect_slug on article_slug_redirect (slug);
-- Superseded by the first one.
drop index ix_article_status_published;
