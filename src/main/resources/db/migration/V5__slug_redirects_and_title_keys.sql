-- An article's earlier slugs, once published: the public API answers them with 301 to the current slug.
create table article_slug_redirect (
    language   varchar(35)  not null,
    slug       varchar(200) not null,
    article_id uuid         not null,
    created_at timestamp(6) with time zone not null,
    constraint pk_article_slug_redirect primary key (language, slug),
    constraint fk_article_slug_redirect_article foreign key (article_id) references article (id) on delete cascade
);
create index ix_article_slug_redirect_article on article_slug_redirect (article_id);

-- The title's collation key by the rules of the article's language (ICU), so sorting by title puts
-- "Çay" after "Cuma" in Turkish and "Ёж" with the Е words in Russian. Filled by Galley on every write.
alter table article add column title_key varchar(512);
create index ix_article_status_title_key on article (status, title_key);
