-- The waitlist: referrals waiting for an earlier clinic day (any open day from earliest_date to latest_date), offered
-- freed chair time in the order they joined (queue_position, from a sequence: entries join one at a time, under the
-- waitlist's turn, so the sequence is the order of joining even when the clock shows two at the same instant).
create table waitlist_entry (
    id               uuid        primary key,
    queue_position   bigint      generated always as identity,
    referral_id      uuid        not null references treatment_plan (referral_id),
    earliest_date    date        not null,
    latest_date      date        not null,
    status           text        not null check (status in ('WAITING', 'BOOKED', 'WITHDRAWN', 'LAPSED')),
    appointment_id   uuid,
    withdrawn_reason text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          integer     not null default 0,
    check (latest_date >= earliest_date)
);
-- One waiting entry per referral, whatever the race.
create unique index waitlist_entry_one_waiting_per_referral on waitlist_entry (referral_id) where status = 'WAITING';
-- The queue: waiting entries in the order they joined (the offers' candidates, the list).
create index waitlist_entry_queue on waitlist_entry (queue_position) where status = 'WAITING';
create unique index waitlist_entry_by_position on waitlist_entry (queue_position);
create index waitlist_entry_by_referral on waitlist_entry (referral_id, queue_position);

-- Offers of freed time. No foreign key to treatment_plan or clinic_day: offers are made inside transactions that hold
-- row locks on plans and days, and a key check would take a share lock on a row another transaction may hold.
create table waitlist_offer (
    id               uuid        primary key,
    entry_id         uuid        not null references waitlist_entry (id),
    referral_id      uuid        not null,
    clinic_date      date        not null,
    start_time       time        not null,
    end_time         time        not null,
    chair            text        not null,
    provider_id      text        not null,
    duration_minutes integer     not null check (duration_minutes > 0),
    status           text        not null check (status in ('OPEN', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'STALE', 'WITHDRAWN')),
    expires_at       timestamptz not null,
    stale_rule       text,
    stale_detail     text,
    appointment_id   uuid,
    created_at       timestamptz not null,
    decided_at       timestamptz,
    version          integer     not null default 0
);
-- One open offer per patient, and one per chair and start time: the same freed time is never offered twice at once.
create unique index waitlist_offer_one_open_per_entry on waitlist_offer (entry_id) where status = 'OPEN';
create unique index waitlist_offer_one_open_per_slot on waitlist_offer (clinic_date, chair, start_time) where status = 'OPEN';
create index waitlist_offer_open_by_expiry on waitlist_offer (expires_at) where status = 'OPEN';
create index waitlist_offer_by_date on waitlist_offer (clinic_date, entry_id);
create index waitlist_offer_by_entry on waitlist_offer (entry_id, created_at);
create index waitlist_offer_list on waitlist_offer (created_at, id);

-- The waiting patients ahead in the queue whom a rule kept from an offer, in queue order, with the rule.
create table waitlist_offer_skip (
    offer_id    uuid    not null references waitlist_offer (id),
    position    integer not null,
    entry_id    uuid    not null,
    referral_id uuid    not null,
    rule        text    not null,
    detail      text    not null,
    primary key (offer_id, position)
);
