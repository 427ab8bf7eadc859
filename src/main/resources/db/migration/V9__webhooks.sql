-- Webhooks: the endpoints admins register, and the outbox of deliveries. A delivery row is written in the
-- transaction of the content change itself, so no event is lost when a node dies after the commit; any
-- node may then claim it (lease_owner, lease_until) and send it, retrying until it is delivered or failed.

create table webhook_endpoint (
    id           uuid                        not null,
    url          varchar(2000)               not null,
    description  varchar(500),
    secret       varchar(200)                not null,
    active       boolean                     not null,
    created_by   varchar(100),
    created_at   timestamp(6) with time zone not null,
    updated_at   timestamp(6) with time zone not null,
    version      bigint                      not null,
    constraint pk_webhook_endpoint primary key (id)
);

-- The event types an endpoint subscribed to, by wire name (article.published, ...).
create table webhook_endpoint_event (
    endpoint_id  uuid         not null,
    event        varchar(40)  not null,
    constraint pk_webhook_endpoint_event primary key (endpoint_id, event),
    constraint fk_webhook_endpoint_event_endpoint foreign key (endpoint_id) references webhook_endpoint (id) on delete cascade
);
create index ix_webhook_endpoint_event_event on webhook_endpoint_event (event, endpoint_id);

create table webhook_delivery (
    id                uuid                        not null,
    endpoint_id       uuid                        not null,
    event_id          uuid                        not null,
    event_type        varchar(40)                 not null,
    payload           varchar(8000)               not null,
    status            varchar(20)                 not null,
    attempts          integer                     not null,
    created_at        timestamp(6) with time zone not null,
    next_attempt_at   timestamp(6) with time zone,
    finished_at       timestamp(6) with time zone,
    last_status_code  integer,
    last_error        varchar(500),
    lease_owner       varchar(64),
    lease_until       timestamp(6) with time zone,
    constraint pk_webhook_delivery primary key (id),
    constraint fk_webhook_delivery_endpoint foreign key (endpoint_id) references webhook_endpoint (id) on delete cascade,
    constraint ck_webhook_delivery_status check (status in ('PENDING', 'DELIVERED', 'FAILED')),
    constraint ck_webhook_delivery_due check (status <> 'PENDING' or next_attempt_at is not null)
);
-- The senders' poll: pending deliveries that are due.
create index ix_webhook_delivery_due on webhook_delivery (status, next_attempt_at);
-- The delivery log of one endpoint, newest first.
create index ix_webhook_delivery_endpoint on webhook_delivery (endpoint_id, created_at);

create table webhook_attempt (
    id           uuid                        not null,
    delivery_id  uuid                        not null,
    attempt      integer                     not null,
    started_at   timestamp(6) with time zone not null,
    duration_ms  integer                     not null,
    status_code  integer,
    error        varchar(500),
    constraint pk_webhook_attempt primary key (id),
    constraint uk_webhook_attempt unique (delivery_id, attempt),
    constraint fk_webhook_attempt_delivery foreign key (delivery_id) references webhook_delivery (id) on delete cascade
);
