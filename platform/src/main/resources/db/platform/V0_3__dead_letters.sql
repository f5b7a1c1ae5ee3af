-- Events a consumer gave up on (malformed, refused by a rule, or failing for an unknown reason a few times), kept
-- in the service's own database so that an operator can list them and replay them once the cause is fixed. The
-- payload is PHI: it is kept for the replay and never listed or logged. Transient failures are never parked.
create table dead_letter (
    id               bigserial   primary key,
    consumer         text        not null,
    event_id         uuid        not null,
    topic            text        not null,
    record_partition integer     not null,
    record_offset    bigint      not null,
    event_key        text,
    event_type       text,
    source           text,
    subject          text,
    event_time       timestamptz,
    payload          text,
    reason           text        not null,
    first_attempt_at timestamptz not null,
    last_attempt_at  timestamptz not null,
    attempts         integer     not null,
    replayed_at      timestamptz,
    unique (consumer, event_id)
);

-- The operator's list (and the gauge) read the events not yet replayed, oldest first.
create index dead_letter_parked on dead_letter (id) where replayed_at is null;
