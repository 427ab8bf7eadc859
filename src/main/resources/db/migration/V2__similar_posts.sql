-- Similar posts: per article, an ordered list of computed and pinned entries, and the articles an editor
-- excluded. Served with a single read; filtered again at read time (published, not the article itself,
-- not one of its translations, not excluded).

create table similar_post (
    article_id   uuid                        not null,
    similar_id   uuid                        not null,
    pinned       boolean                     not null,
    -- Pinned entries: the position the editor chose (from 1). Computed entries: their rank.
    position     integer                     not null,
    score        double precision,
    why          varchar(300),
    computed_at  timestamp(6) with time zone not null,
    constraint pk_similar_post primary key (article_id, similar_id),
    constraint fk_similar_post_article foreign key (article_id) references article (id) on delete cascade,
    constraint fk_similar_post_similar foreign key (similar_id) references article (id) on delete cascade,
    constraint ck_similar_post_position check (position > 0),
    constraint ck_similar_post_self check (article_id <> similar_id)
);
create index ix_similar_post_similar on similar_post (similar_id);
create index ix_similar_post_list on similar_post (article_id, pinned, position);

create table similar_exclusion (
    article_id   uuid  not null,
    excluded_id  uuid  not null,
    constraint pk_similar_exclusion primary key (article_id, excluded_id),
    constraint fk_similar_exclusion_article foreign key (article_id) references article (id) on delete cascade,
    constraint fk_similar_exclusion_excluded foreign key (excluded_id) references article (id) on delete cascade
);

-- Full recomputations run in the background; their progress is kept here so any node can report it.
create table similar_job (
    id           uuid                        not null,
    status       varchar(20)                 not null,
    total        integer                     not null,
    done         integer                     not null,
    started_at   timestamp(6) with time zone not null,
    finished_at  timestamp(6) with time zone,
    message      varchar(1000),
    constraint pk_similar_job primary key (id),
    constraint ck_similar_job_status check (status in ('RUNNING', 'DONE', 'FAILED'))
);
