-- Similar-posts recomputations requested by content changes, written in the transaction of the change itself
-- (so a request commits or rolls back with it, and survives the node that made it), then claimed by any node
-- (lease_owner, lease_until, as webhook deliveries are) and deleted once done. Several rows for one article
-- are one recomputation: a claim takes them all. article_id null asks for a full recomputation (imports).
-- No foreign key: the request that follows a deletion must outlive the article.
create table similar_request (
    id            uuid                        not null,
    article_id    uuid,
    -- Also recompute the lists of the article's similar posts afterwards (it was published or edited).
    spread        boolean                     not null,
    requested_at  timestamp(6) with time zone not null,
    -- Not before: a retry waits for the search index, a full recomputation for imports to pause.
    due_at        timestamp(6) with time zone not null,
    lease_owner   varchar(64),
    lease_until   timestamp(6) with time zone,
    constraint pk_similar_request primary key (id)
);
-- Every node's poll: what is due.
create index ix_similar_request_due on similar_request (due_at);
-- A claim takes every row of its article.
create index ix_similar_request_article on similar_request (article_id);

-- Each node's similarity memory asks for the articles changed since it last looked (by any node).
create index ix_article_updated_at on article (updated_at);
