-- Hibernate Search's outbox-polling coordination (galley.search.backend=opensearch): every change to an indexed
-- article adds an event in its own transaction, and the nodes' agents (registered in hsearch_agent, each with its
-- share of the events) index them. The tables exist on every database, so a single node can be switched to a
-- cluster by configuration alone; with the Lucene backend they stay empty. Columns and types are the ones
-- Hibernate Search 8.2/8.3 maps (checked by Hibernate's schema validation at every start); ${binary_type} is
-- blob on H2 and bytea on PostgreSQL (see MigrationIntegrator).
create table hsearch_agent (
    id                 uuid                        not null,
    type               varchar(255)                not null,
    name               varchar(255)                not null,
    expiration         timestamp(6) with time zone not null,
    state              varchar(255)                not null,
    totalShardCount    integer,
    assignedShardIndex integer,
    payload            ${binary_type},
    tenantId           varchar(255),
    constraint pk_hsearch_agent primary key (id),
    constraint ck_hsearch_agent_type check (type in ('EVENT_PROCESSING_DYNAMIC_SHARDING', 'EVENT_PROCESSING_STATIC_SHARDING', 'MASS_INDEXING')),
    constraint ck_hsearch_agent_state check (state in ('RUNNING', 'WAITING', 'SUSPENDED'))
);

create table hsearch_outbox_event (
    id           uuid                        not null,
    entityName   varchar(256)                not null,
    entityId     varchar(256)                not null,
    entityIdHash integer                     not null,
    payload      ${binary_type}              not null,
    retries      integer                     not null,
    processAfter timestamp(6) with time zone not null,
    status       varchar(255)                not null,
    tenantId     varchar(255),
    constraint pk_hsearch_outbox_event primary key (id),
    constraint ck_hsearch_outbox_event_status check (status in ('PENDING', 'ABORTED'))
);

-- The agents poll for due events in this order.
create index ix_hsearch_outbox_event_process_after on hsearch_outbox_event (processAfter);
-- "Is this article's change indexed yet?" (similar posts wait for it) and the backlog in the health check.
create index ix_hsearch_outbox_event_entity on hsearch_outbox_event (entityName, entityId);
