-- Editorial workflow: scheduled articles (published by Galley at publish_at) and archived ones.
alter table article drop constraint ck_article_status;
alter table article add constraint ck_article_status check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED'));
alter table article add column publish_at timestamp(6) with time zone;
alter table article add constraint ck_article_publish_at check (status <> 'SCHEDULED' or publish_at is not null);
create index ix_article_status_publish_at on article (status, publish_at);
