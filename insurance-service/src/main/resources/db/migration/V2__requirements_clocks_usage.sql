-- Issue 4: requirement checklists, payer overrides and clocks, status history, appeals, units and visits used,
-- expiry and reauthorization. Everything a payer may change lives in tables so that it changes without a release.

-- A payer may request other lines than the clinic's defaults for an indication; null columns keep the default.
create table payer_indication_default (
    payer_id          text    not null,
    indication        text    not null references indication_default (indication),
    procedure_code    text,
    drug_code         text,
    units_per_visit   integer check (units_per_visit > 0),
    visits            integer check (visits > 0),
    validity_months   integer check (validity_months > 0),
    primary key (payer_id, indication)
);

-- What a payer wants documented, per indication. stage: INITIAL (first request), REAUTHORIZATION, or BOTH.
-- evidence: a condition on the referral's clinical details that proves the item, e.g.
-- "headacheDaysPerMonth >= 15 and symptomMonths >= 3"; null when only staff can confirm it.
create table requirement_default (
    indication   text    not null references indication_default (indication),
    code         text    not null,
    description  text    not null,
    required     boolean not null default true,
    stage        text    not null default 'BOTH' check (stage in ('INITIAL', 'REAUTHORIZATION', 'BOTH')),
    evidence     text,
    position     integer not null,
    primary key (indication, code)
);

-- A payer's own version of an item (same code: null columns keep the default), an extra item, or excluded = true to drop it.
create table payer_requirement (
    payer_id     text    not null,
    indication   text    not null references indication_default (indication),
    code         text    not null,
    description  text,
    required     boolean,
    stage        text    check (stage in ('INITIAL', 'REAUTHORIZATION', 'BOTH')),
    evidence     text,
    position     integer,
    excluded     boolean not null default false,
    primary key (payer_id, indication, code)
);

insert into requirement_default (indication, code, description, required, stage, evidence, position) values
    ('CHRONIC_MIGRAINE', 'HEADACHE_DIARY', 'Headache diary showing at least 15 headache days a month for at least 3 months', true, 'INITIAL',
        'headacheDaysPerMonth >= 15 and symptomMonths >= 3', 1),
    ('CHRONIC_MIGRAINE', 'PREVENTIVE_CLASSES_TRIED', 'At least 2 preventive drug classes (antidepressant, anticonvulsant, beta-blocker, CGRP) tried for at least 60 days each', true, 'INITIAL',
        'priorPreventiveClasses.count >= 2', 2),
    ('CHRONIC_MIGRAINE', 'SPECIALIST_PRESCRIBER', 'Prescribed by a specialist (neurologist or headache specialist)', true, 'BOTH', null, 3),
    ('CHRONIC_MIGRAINE', 'NO_CONCURRENT_CGRP_ANTAGONIST', 'No CGRP antagonist taken together with onabotulinumtoxinA', true, 'BOTH',
        'currentCgrpAntagonist = false', 4),
    ('CHRONIC_MIGRAINE', 'DOCUMENTED_BENEFIT', 'Documented benefit: at least 50% fewer headache days than before treatment', true, 'REAUTHORIZATION', null, 5),
    ('CERVICAL_DYSTONIA', 'CLINICAL_NOTES', 'Clinical notes documenting the diagnosis and the muscles to be injected', true, 'INITIAL', null, 1),
    ('CERVICAL_DYSTONIA', 'OTHER_TOXINS_TRIED', 'Other botulinum toxins tried first (only where the payer requires it)', false, 'INITIAL', null, 2),
    ('CERVICAL_DYSTONIA', 'DOCUMENTED_BENEFIT', 'Documented clinical benefit from the previous treatments', true, 'REAUTHORIZATION', null, 3),
    ('LUMBAR_DYSTONIA', 'CLINICAL_NOTES', 'Clinical notes documenting the diagnosis and the trunk muscles to be injected', true, 'INITIAL', null, 1),
    ('LUMBAR_DYSTONIA', 'DOCUMENTED_BENEFIT', 'Documented clinical benefit from the previous treatments', true, 'REAUTHORIZATION', null, 2),
    ('WRITERS_CRAMP', 'CLINICAL_NOTES', 'Clinical notes documenting focal hand dystonia and the forearm muscles to be injected', true, 'INITIAL', null, 1),
    ('WRITERS_CRAMP', 'DOCUMENTED_BENEFIT', 'Documented clinical benefit from the previous treatments', true, 'REAUTHORIZATION', null, 2),
    ('SPASTICITY', 'SPASTICITY_CAUSE', 'Documented cause of the spasticity (cerebral palsy, stroke or multiple sclerosis)', true, 'INITIAL',
        'spasticityCause present', 1),
    ('SPASTICITY', 'CLINICAL_NOTES', 'Clinical notes documenting the affected limbs and the muscles to be injected', true, 'INITIAL', null, 2),
    ('SPASTICITY', 'DOCUMENTED_BENEFIT', 'Documented clinical benefit from the previous treatments', true, 'REAUTHORIZATION', null, 3),
    ('BLEPHAROSPASM', 'CLINICAL_NOTES', 'Clinical notes documenting the diagnosis', true, 'INITIAL', null, 1),
    ('BLEPHAROSPASM', 'DOCUMENTED_BENEFIT', 'Documented clinical benefit from the previous treatments', true, 'REAUTHORIZATION', null, 2),
    ('HEMIFACIAL_SPASM', 'CLINICAL_NOTES', 'Clinical notes documenting the diagnosis and the affected side', true, 'INITIAL', null, 1),
    ('HEMIFACIAL_SPASM', 'DOCUMENTED_BENEFIT', 'Documented clinical benefit from the previous treatments', true, 'REAUTHORIZATION', null, 2);

-- A payer's own decision clocks in hours; a null column (or no row) keeps the configured default (CMS-0057-F:
-- 72 hours expedited, 7 calendar days standard).
create table payer_decision_clock (
    payer_id         text    primary key,
    expedited_hours  integer check (expedited_hours > 0),
    standard_hours   integer check (standard_hours > 0),
    appeal_hours     integer check (appeal_hours > 0)
);

alter table authorization_case
    add column clinical_details      jsonb,
    add column submission_override   text,
    add column appeal_submitted_at   timestamptz,
    add column appeal_reason         text,
    add column withdrawal_reason     text,
    add column over_approval         boolean     not null default false,
    add column overdue_flagged_at    timestamptz,
    add column queue_rank            integer     not null default 1,
    add column queue_at              timestamptz;

update authorization_case set queue_at = coalesce(decision_due_at, created_at);
alter table authorization_case alter column queue_at set not null;

-- The work queue pages by (rank, time, id): most urgent first, stable under a cursor.
create index authorization_case_work_queue on authorization_case (queue_rank, queue_at, id);
-- A case has at most one reauthorization following it.
create unique index authorization_case_next on authorization_case (previous_case_id) where previous_case_id is not null;
create index authorization_case_window on authorization_case (referral_id, valid_from, valid_to);

create table case_requirement (
    id           bigserial   primary key,
    case_id      uuid        not null references authorization_case (id),
    code         text        not null,
    description  text        not null,
    required     boolean     not null,
    met          boolean     not null,
    met_by       text,
    note         text,
    position     integer     not null,
    updated_at   timestamptz not null,
    unique (case_id, code)
);

create table case_status_change (
    id           bigserial   primary key,
    case_id      uuid        not null references authorization_case (id),
    from_status  text,
    to_status    text        not null,
    at           timestamptz not null,
    note         text
);

create index case_status_change_case on case_status_change (case_id, id);

-- One row per treatment given: the units (administered plus wasted) and the visit it used. One row per
-- appointment, so a treatment republished under a new event id still counts once.
create table treatment_use (
    id                  bigserial   primary key,
    case_id             uuid        not null references authorization_case (id),
    appointment_id      uuid        not null unique,
    event_id            uuid        not null,
    treatment_date      date        not null,
    units_administered  integer     not null check (units_administered >= 0),
    units_wasted        integer     not null check (units_wasted >= 0),
    beyond_approval     boolean     not null,
    outside_window      boolean     not null,
    recorded_at         timestamptz not null
);

create index treatment_use_case on treatment_use (case_id, id);
