-- A row the broker refuses for good is parked (parked_at): it stops blocking other referrals' events, while its own
-- referral's later events wait behind it until an administrator retries it (parked_at cleared) or skips it
-- (skipped_at set: never published, and the referral's later events go out).
alter table outbox_event add column parked_at  timestamptz;
alter table outbox_event add column skipped_at timestamptz;

-- The relay reads the oldest pending row of each key; pending = neither published nor skipped.
drop index if exists outbox_event_unpublished;
create index outbox_event_pending_by_key on outbox_event (event_key, seq) where published_at is null and skipped_at is null;
create index outbox_event_pending on outbox_event (seq) where published_at is null and skipped_at is null;
create index outbox_event_parked on outbox_event (seq) where parked_at is not null and published_at is null and skipped_at is null;
