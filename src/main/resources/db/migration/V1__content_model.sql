-- Galley content model: articles, authors, tags, and the users who edit them.
-- Written in the SQL that both the embedded H2 database and PostgreSQL accept.

create table tag (
    id          uuid                        not null,
    slug        varchar(100)                not null,
    name        varchar(100)                not null,
    created_at  timestamp(6) with time zone not null,
    version     bigint                      not null,
    constraint pk_tag primary key (id),
    constraint uk_tag_slug unique (slug)
);

create table author (
    id                uuid                        not null,
    slug              varchar(120)                not null,
    display_name      varchar(200)                not null,
    honorific         varchar(40),
    avatar_url        varchar(2000),
    default_language  varchar(35)                 not null,
    created_at        timestamp(6) with time zone not null,
    updated_at        timestamp(6) with time zone not null,
    version           bigint                      not null,
    constraint pk_author primary key (id),
    constraint uk_author_slug unique (slug)
);

-- Localised fields of an author: one row per language.
create table author_profile (
    author_id     uuid          not null,
    language      varchar(35)   not null,
    position      varchar(200),
    organisation  varchar(200),
    bio           varchar(20000),
    constraint pk_author_profile primary key (author_id, language),
    constraint fk_author_profile_author foreign key (author_id) references author (id) on delete cascade
);

create table author_expertise (
    author_id  uuid          not null,
    ordinal    integer       not null,
    language   varchar(35)   not null,
    name       varchar(200)  not null,
    constraint pk_author_expertise primary key (author_id, ordinal),
    constraint fk_author_expertise_author foreign key (author_id) references author (id) on delete cascade
);

create table author_education (
    author_id     uuid           not null,
    ordinal       integer        not null,
    degree        varchar(100)   not null,
    field         varchar(200),
    institution   varchar(300)   not null,
    year_awarded  integer,
    thesis_title  varchar(1000),
    constraint pk_author_education primary key (author_id, ordinal),
    constraint fk_author_education_author foreign key (author_id) references author (id) on delete cascade,
    constraint ck_author_education_year check (year_awarded is null or year_awarded between 1000 and 9999)
);

create table author_link (
    author_id  uuid           not null,
    ordinal    integer        not null,
    label      varchar(100)   not null,
    url        varchar(2000)  not null,
    constraint pk_author_link primary key (author_id, ordinal),
    constraint fk_author_link_author foreign key (author_id) references author (id) on delete cascade
);

create table article (
    id                  uuid                        not null,
    slug                varchar(200)                not null,
    language            varchar(35)                 not null,
    translation_group   uuid                        not null,
    title               varchar(300)                not null,
    excerpt             varchar(1000),
    body_markdown       varchar(200000)             not null,
    body_html           varchar(400000)             not null,
    seo_description     varchar(320),
    featured_image_url  varchar(2000),
    featured_image_alt  varchar(300),
    word_count          integer                     not null,
    reading_minutes     integer                     not null,
    status              varchar(20)                 not null,
    published_at        timestamp(6) with time zone,
    created_at          timestamp(6) with time zone not null,
    updated_at          timestamp(6) with time zone not null,
    version             bigint                      not null,
    constraint pk_article primary key (id),
    constraint uk_article_language_slug unique (language, slug),
    constraint ck_article_status check (status in ('DRAFT', 'PUBLISHED')),
    constraint ck_article_published_at check (status <> 'PUBLISHED' or published_at is not null),
    constraint ck_article_counts check (word_count >= 0 and reading_minutes >= 0)
);
create index ix_article_status_published on article (status, published_at);
create index ix_article_status_title on article (status, title);
create index ix_article_translation_group on article (translation_group);

create table article_author (
    article_id  uuid     not null,
    ordinal     integer  not null,
    author_id   uuid     not null,
    -- (article_id, author_id) is unique too, checked by the service: a unique constraint here would
    -- break reordering, which Hibernate writes row by row.
    constraint pk_article_author primary key (article_id, ordinal),
    constraint fk_article_author_article foreign key (article_id) references article (id) on delete cascade,
    constraint fk_article_author_author foreign key (author_id) references author (id)
);
create index ix_article_author_author on article_author (author_id);

create table article_tag (
    article_id  uuid  not null,
    tag_id      uuid  not null,
    constraint pk_article_tag primary key (article_id, tag_id),
    constraint fk_article_tag_article foreign key (article_id) references article (id) on delete cascade,
    constraint fk_article_tag_tag foreign key (tag_id) references tag (id)
);
create index ix_article_tag_tag on article_tag (tag_id);

create table article_reference (
    article_id   uuid           not null,
    ordinal      integer        not null,
    number       integer        not null,
    citation     varchar(2000),
    authors      varchar(500),
    title        varchar(500)   not null,
    publisher    varchar(300),
    url          varchar(2000),
    accessed_on  date,
    -- Numbers are unique per article, checked by the service (see article_author for why not here).
    constraint pk_article_reference primary key (article_id, ordinal),
    constraint fk_article_reference_article foreign key (article_id) references article (id) on delete cascade,
    constraint ck_article_reference_number check (number > 0)
);

create table galley_user (
    id             uuid                        not null,
    username       varchar(100)                not null,
    display_name   varchar(200),
    password_hash  varchar(500)                not null,
    created_at     timestamp(6) with time zone not null,
    version        bigint                      not null,
    constraint pk_galley_user primary key (id),
    constraint uk_galley_user_username unique (username)
);

create table galley_user_role (
    user_id  uuid         not null,
    role     varchar(20)  not null,
    constraint pk_galley_user_role primary key (user_id, role),
    constraint fk_galley_user_role_user foreign key (user_id) references galley_user (id) on delete cascade,
    constraint ck_galley_user_role check (role in ('admin', 'editor', 'author'))
);
