-- What the clinic requests by default for each indication; a payer may override it (see payer_indication_default).
create table indication_default (
    indication        text    primary key,
    procedure_code    text    not null,
    drug_code         text    not null default 'J0585',
    units_per_visit   integer not null check (units_per_visit > 0),
    visits            integer not null check (visits > 0),
    validity_months   integer not null check (validity_months > 0)
);

insert into indication_default (indication, procedure_code, units_per_visit, visits, validity_months) values
    ('CHRONIC_MIGRAINE',  '64615', 155, 2, 6),
    ('CERVICAL_DYSTONIA', '64616', 236, 4, 12),
    ('LUMBAR_DYSTONIA',   '64646', 200, 4, 12),
    ('WRITERS_CRAMP',     '64642', 100, 4, 12),
    ('SPASTICITY',        '64642', 300, 4, 12),
    ('BLEPHAROSPASM',     '64612', 100, 4, 12),
    ('HEMIFACIAL_SPASM',  '64612', 50,  4, 12);

create table authorization_case (
    id                    uuid        primary key,
    referral_id           uuid        not null,
    previous_case_id      uuid        references authorization_case (id),
    status                text        not null,
    indication            text        not null,
    diagnosis_codes       text[]      not null,
    procedure_code        text        not null,
    drug_code             text        not null,
    requested_units       integer     not null,
    requested_visits      integer     not null,
    payer_id              text        not null,
    payer_name            text        not null,
    member_id             text        not null,
    group_number          text,
    plan_type             text,
    patient_first_name    text        not null,
    patient_last_name     text        not null,
    patient_date_of_birth date        not null,
    patient_sex           text        not null,
    submission_channel    text,
    payer_reference       text,
    expedited             boolean,
    submitted_at          timestamptz,
    decision_due_at       timestamptz,
    outcome               text,
    authorization_number  text,
    approved_units        integer,
    approved_visits       integer,
    valid_from            date,
    valid_to              date,
    denial_reason         text,
    payer_note            text,
    decided_at            timestamptz,
    units_used            integer     not null default 0,
    visits_used           integer     not null default 0,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               integer     not null default 0
);

-- One initial case per referral (reauthorizations will be linked cases of their own).
create unique index authorization_case_initial on authorization_case (referral_id) where previous_case_id is null;
create index authorization_case_referral on authorization_case (referral_id);
create index authorization_case_queue on authorization_case (status, decision_due_at);
