-- Full intake: address and provider contact, idempotency, triage, decisions; the closed-loop timeline; partner webhooks.

alter table referral
    add column patient_address_line1 text,
    add column patient_address_line2 text,
    add column patient_address_city  text,
    add column patient_address_state text,
    add column patient_postal_code   text,
    add column provider_phone        text,
    add column provider_fax          text,
    add column urgency_rank          smallint not null default 1,
    add column submission_hash       text,
    add column idempotency_key       text,
    add column triage_outcome        text,
    add column triage_reasons        jsonb,
    add column triaged_at            timestamptz,
    add column decision_reason       text,
    add column info_question         text,
    add column info_answer           text,
    add column created_by            text,
    add column stage                 text;

-- A retried submission under the same Idempotency-Key finds the referral it created.
create unique index referral_idempotency_key on referral (coalesce(partner_id, ''), idempotency_key)
    where idempotency_key is not null;

-- The intake work queue: urgent first, then oldest first.
drop index referral_queue;
create index referral_queue on referral (urgency_rank, created_at, id);
create index referral_partner_queue on referral (partner_id, urgency_rank, created_at, id);

-- What happened to a referral, in order, for the referring PCP: the clinic's own decisions and what the
-- other services reported. An entry taken from an event carries that event's id, so a redelivery adds nothing.
create table timeline_entry (
    id              bigserial   primary key,
    referral_id     uuid        not null references referral (id),
    at              timestamptz not null,
    type            text        not null,
    detail          text        not null,
    source_event_id uuid        unique,
    recorded_at     timestamptz not null
);
create index timeline_entry_referral on timeline_entry (referral_id, at, id);

create table partner_webhook (
    partner_id  text        primary key,
    url         text        not null,
    secret      text        not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null
);

-- Each timeline entry owed to a partner's webhook, delivered at least once, retried with back-off across restarts.
create table webhook_delivery (
    id                bigserial   primary key,
    partner_id        text        not null,
    referral_id       uuid        not null references referral (id),
    timeline_entry_id bigint      not null references timeline_entry (id),
    url               text        not null,
    payload           text        not null,
    status            text        not null,
    attempts          integer     not null default 0,
    next_attempt_at   timestamptz not null,
    last_attempt_at   timestamptz,
    last_status_code  integer,
    last_error        text,
    delivered_at      timestamptz,
    created_at        timestamptz not null
);
create index webhook_delivery_due on webhook_delivery (next_attempt_at) where status = 'PENDING';
create index webhook_delivery_partner on webhook_delivery (partner_id, id);
