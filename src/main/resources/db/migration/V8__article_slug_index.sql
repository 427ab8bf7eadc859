-- A public read by slug without a language (the usual case) could use no index: the unique key is
-- (language, slug). Found by the read benchmark: 0.3-0.5 s per read at 10,000 articles, 0.01-0.05 s with lang.
create index ix_article_slug on article (slug, status);
