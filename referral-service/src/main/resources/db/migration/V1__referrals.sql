create table referral (
    id                        uuid        primary key,
    source                    text        not null,
    partner_id                text,
    external_referral_id      text,
    status                    text        not null,
    indication                text        not null,
    urgency                   text        not null,
    diagnosis_codes           text[]      not null,
    patient_first_name        text        not null,
    patient_last_name         text        not null,
    patient_date_of_birth     date        not null,
    patient_sex               text        not null,
    patient_phone             text,
    patient_email             text,
    provider_npi              text        not null,
    provider_name             text        not null,
    provider_practice         text,
    insurance_payer_id        text        not null,
    insurance_payer_name      text        not null,
    insurance_member_id       text        not null,
    insurance_group_number    text,
    insurance_plan_type       text,
    clinical_details          jsonb,
    notes                     text,
    created_at                timestamptz not null,
    updated_at                timestamptz not null,
    version                   integer     not null default 0
);

-- A partner's own id identifies its referral: never two for the same one.
create unique index referral_partner_external_id on referral (partner_id, external_referral_id)
    where partner_id is not null;
create index referral_queue on referral (status, urgency, created_at);
