-- Patients' contact details (from ReferralAccepted) and their choices: the channel they prefer and whether they opted
-- out of messages. Keyed by referral-service's patient id, or by the referral id for a plan without one.
create table contact_preference (
    contact_key   uuid        primary key,
    phone         text,
    email         text,
    channel       text        check (channel in ('EMAIL', 'SMS')),
    opted_out     boolean     not null default false,
    opted_out_at  timestamptz,
    updated_at    timestamptz not null,
    updated_by    text
);

-- Every message owed to a patient (reminders before an appointment, recalls when a plan falls due), with the history
-- of sending it. once_key makes each message exist once whatever runs the planner: a reminder once per appointment,
-- slot and lead (REMINDER|<appointment>|<date>T<time>|<days before>), a recall once per plan and cycle
-- (RECALL|<referral>|<last treatment>). The text holds date, time and place only.
create table notification (
    id                 uuid        primary key,
    once_key           text        not null unique,
    referral_id        uuid        not null,
    appointment_id     uuid,
    kind               text        not null check (kind in ('REMINDER', 'RECALL')),
    days_before        integer,
    slot_date          date,
    slot_time          time,
    channel            text        check (channel in ('EMAIL', 'SMS')),
    status             text        not null check (status in ('QUEUED', 'SENT', 'FAILED', 'SUPPRESSED')),
    status_reason      text,
    subject            text        not null,
    body               text        not null,
    attempts           integer     not null default 0,
    next_attempt_at    timestamptz,
    lease_token        uuid,
    last_attempt_at    timestamptz,
    last_error         text,
    sent_at            timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null
);
-- A referral's messages in order (GET /api/notifications?referralId=).
create index notification_by_referral on notification (referral_id, created_at, id);
-- What the dispatcher sends next, and the queued reminders the planner checks against their appointments.
create index notification_due on notification (next_attempt_at) where status = 'QUEUED';
create index notification_queued_reminder on notification (appointment_id) where status = 'QUEUED' and kind = 'REMINDER';

-- A patient confirmed an appointment's slot through the link in a reminder. A confirmation is for one slot: after a
-- reschedule the appointment is unconfirmed again until the new slot is confirmed.
create table appointment_confirmation (
    appointment_id uuid        not null references appointment (id),
    slot_date      date        not null,
    slot_time      time        not null,
    confirmed_at   timestamptz not null,
    primary key (appointment_id, slot_date, slot_time)
);
