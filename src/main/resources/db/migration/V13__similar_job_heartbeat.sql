-- A running full recomputation's node beats here; a job whose node stopped beating is abandoned by whichever
-- node looks next, not only by a restarted one (in a cluster the others keep running).
alter table similar_job add column heartbeat_at timestamp(6) with time zone;
update similar_job set heartbeat_at = coalesce(finished_at, started_at);
