-- Documents attached to a referral (headache diary, clinic notes, medication history, imaging reports): the metadata
-- here, the bytes in chunks of 256 KiB beside it, written and read one chunk at a time so that no document is ever
-- whole in the service's memory. Documents are part of the referral's clinical record: only ever added.
create table referral_document (
    id            uuid        primary key,
    -- The order documents were attached in, on any replica (attached_at may tie).
    seq           bigint      generated always as identity unique,
    referral_id   uuid        not null references referral (id),
    type          text        not null,
    file_name     text        not null,
    content_type  text        not null,
    size_bytes    bigint      not null check (size_bytes > 0),
    sha256        text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    attached_at   timestamptz not null,
    attached_by   text
);
create index referral_document_of_referral on referral_document (referral_id, seq);

-- The chunks are written before their document's row, in the same transaction (the SHA-256 is known only once the
-- last chunk is written): the reference is checked at commit.
create table referral_document_chunk (
    document_id uuid    not null references referral_document (id) deferrable initially deferred,
    seq         integer not null check (seq >= 0),
    bytes       bytea   not null,
    primary key (document_id, seq)
);
-- PDF, PNG and JPEG are compressed already: kept out of line without another attempt at compressing them.
alter table referral_document_chunk alter column bytes set storage external;

-- One event may now add several entries (a completed treatment and its consult report): an entry is unique per
-- source event and type, which still keeps a redelivered event from adding anything.
alter table timeline_entry drop constraint timeline_entry_source_event_id_key;
alter table timeline_entry add constraint timeline_entry_source_event_type unique (source_event_id, type);
-- The figures a machine reads beside the line a person reads (a consult report's units and outcome); mostly null.
alter table timeline_entry add column details jsonb;
