-- Retention of the last two stores of event payloads (patient data), by the platform's retention job:
-- * a dead letter that was replayed (replayed_at) is deleted clinic.retention.dead-letters-resolved after it;
-- * one still parked keeps its row (the operator must act on it) but its payload is erased
--   clinic.retention.dead-letters-unresolved after it was parked or last failed a replay: payload set to null and
--   payload_erased_at set, so that a replay is refused (409) rather than mistaken for a record without a payload;
-- * a skipped outbox row (never to be published) has its payload erased clinic.retention.outbox-skipped after the skip.
alter table dead_letter add column payload_erased_at timestamptz;
alter table outbox_event alter column payload drop not null;

create index dead_letter_replayed on dead_letter (replayed_at) where replayed_at is not null;
create index dead_letter_unresolved_payload on dead_letter (last_attempt_at) where replayed_at is null and payload is not null;
create index outbox_event_skipped_payload on outbox_event (skipped_at) where skipped_at is not null and payload is not null;
