-- Who may do what: articles remember who created them (authors edit only their own drafts and submit
-- them for review), machine tokens, and the audit log of admin actions.

alter table article add column created_by varchar(100);
alter table article_aud add column created_by varchar(100);
create index ix_article_created_by on article (created_by, updated_at);

alter table article drop constraint ck_article_status;
alter table article add constraint ck_article_status
    check (status in ('DRAFT', 'IN_REVIEW', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'));

-- API tokens for machines: only a SHA-256 of the token is kept; the prefix lets people tell them apart.
create table api_token (
    id            uuid                        not null,
    name          varchar(100)                not null,
    scope         varchar(20)                 not null,
    token_hash    varchar(64)                 not null,
    token_prefix  varchar(20)                 not null,
    created_by    varchar(100)                not null,
    created_at    timestamp(6) with time zone not null,
    expires_at    timestamp(6) with time zone,
    last_used_at  timestamp(6) with time zone,
    revoked_at    timestamp(6) with time zone,
    version       bigint                      not null,
    constraint pk_api_token primary key (id),
    constraint uk_api_token_hash unique (token_hash),
    constraint ck_api_token_scope check (scope in ('read-drafts', 'write-content'))
);

-- Every admin action: who, what, on what, when, from where, and how it ended.
create table audit_entry (
    id              uuid                        not null,
    occurred_at     timestamp(6) with time zone not null,
    actor           varchar(100),
    action          varchar(120)                not null,
    method          varchar(10)                 not null,
    path            varchar(500)                not null,
    target          varchar(100),
    status          integer                     not null,
    client_address  varchar(64),
    request_id      varchar(64)                 not null,
    constraint pk_audit_entry primary key (id)
);
create index ix_audit_entry_occurred on audit_entry (occurred_at);
create index ix_audit_entry_actor on audit_entry (actor, occurred_at);
