-- The plan's status is now stored: denials, expiry, exhaustion and cancellation arrive as events and stick.
alter table treatment_plan add column status text;
update treatment_plan set status = case when authorization_id is null then 'AWAITING_AUTHORIZATION' else 'READY_TO_SCHEDULE' end;
alter table treatment_plan alter column status set not null;
-- A denial or cancellation may arrive before ReferralAccepted, so the plan can exist before its indication is known.
alter table treatment_plan alter column indication drop not null;
alter table treatment_plan add column cancelled_at timestamptz;

create index treatment_plan_status on treatment_plan (status);

-- The monthly clinic day (generated from the rule, or added by staff) and its chair minutes.
create table clinic_day (
    date             date        primary key,
    status           text        not null check (status in ('OPEN', 'CLOSED')),
    capacity_minutes integer     not null check (capacity_minutes >= 0),
    origin           text        not null check (origin in ('RULE', 'STAFF')),
    closed_reason    text,
    created_at       timestamptz not null,
    updated_at       timestamptz not null
);

create table appointment (
    id                   uuid        primary key,
    referral_id          uuid        not null references treatment_plan (referral_id),
    clinic_date          date        not null references clinic_day (date),
    duration_minutes     integer     not null check (duration_minutes > 0),
    status               text        not null check (status in ('BOOKED', 'CHECKED_IN', 'FULFILLED', 'CANCELLED', 'NOSHOW')),
    authorization_id     uuid,
    units_administered   integer     check (units_administered >= 0),
    units_wasted         integer     check (units_wasted >= 0),
    injection_sites      integer     check (injection_sites >= 0),
    notes                text,
    cancel_reason        text,
    cancelled_by         text        check (cancelled_by in ('PATIENT', 'CLINIC')),
    created_at           timestamptz not null,
    updated_at           timestamptz not null,
    checked_in_at        timestamptz,
    completed_at         timestamptz,
    cancelled_at         timestamptz,
    no_show_at           timestamptz,
    version              integer     not null default 0
);

-- A referral has at most one open appointment, whatever the race: the database refuses the second.
create unique index appointment_one_open_per_referral on appointment (referral_id) where status in ('BOOKED', 'CHECKED_IN');
create index appointment_by_date on appointment (clinic_date, status);
create index appointment_by_referral on appointment (referral_id, clinic_date);
