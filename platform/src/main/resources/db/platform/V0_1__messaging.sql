-- Shared messaging tables: the transactional outbox and the idempotent consumer's log.
-- Every service carries the same two tables in its own database.

create table outbox_event (
    seq          bigserial primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    source       text        not null,
    subject      text        not null,
    occurred_at  timestamptz not null,
    payload      jsonb       not null,
    created_at   timestamptz not null default now(),
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);

-- The relay only ever reads the unpublished tail, in order.
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;

create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    event_type   text        not null,
    topic        text        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);
