-- One treatment plan per referral, assembled from ReferralAccepted and AuthorizationApproved in whichever order they arrive.
create table treatment_plan (
    referral_id           uuid        primary key,
    patient_first_name    text,
    patient_last_name     text,
    patient_date_of_birth date,
    patient_sex           text,
    indication            text        not null,
    accepted_at           timestamptz,
    authorization_id      uuid,
    authorization_number  text,
    valid_from            date,
    valid_to              date,
    approved_visits       integer,
    approved_units        integer,
    visits_used           integer     not null default 0,
    units_used            integer     not null default 0,
    last_treatment_date   date,
    created_at            timestamptz not null,
    updated_at            timestamptz not null,
    version               integer     not null default 0
);
