-- Values Galley generates once and every node must share, such as the key that signs preview links
-- when none is configured.
create table galley_setting (
    name       varchar(100)  not null,
    setting_value varchar(2000) not null,
    created_at timestamp(6) with time zone not null,
    constraint pk_galley_setting primary key (name)
);
