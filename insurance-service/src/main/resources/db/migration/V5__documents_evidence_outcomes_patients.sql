-- Issue 12: the referral's documents and the evidence they give the checklist, treatment outcomes and the payer's
-- documented-benefit thresholds, and the patient identity referral-service gives every referral.

-- The patient (referral-service's patient id) the case is about; null for cases opened before patient ids existed.
alter table authorization_case add column patient_id uuid;
create index authorization_case_patient on authorization_case (patient_id) where patient_id is not null;

-- Patients merged away in referral-service: each merged id points at the patient it became. Written when PatientMerged is
-- consumed; an id merged again later (A into B, then B into C) is re-pointed, so every row names the surviving patient.
create table patient_alias (
    merged_patient_id  uuid        primary key,
    patient_id         uuid        not null,
    merged_at          timestamptz not null,
    recorded_at        timestamptz not null
);
create index patient_alias_patient on patient_alias (patient_id);

-- The referral's documents as DocumentAttached describes them (metadata only: the bytes stay in referral-service).
-- Kept by referral, since a document may be attached before the referral is accepted and its case opened.
create table referral_document (
    document_id    uuid        primary key,
    referral_id    uuid        not null,
    document_type  text        not null,
    file_name      text        not null,
    content_type   text        not null,
    size_bytes     bigint      not null check (size_bytes >= 0),
    sha256         text        not null check (sha256 ~ '^[0-9a-f]{64}$'),
    attached_at    timestamptz not null,
    recorded_at    timestamptz not null
);
create index referral_document_referral on referral_document (referral_id, attached_at, document_id);

-- Which checklist items the payer wants backed by a document of the referral, and of which types: null = no document
-- needed; otherwise meeting the item needs at least one linked document of one of these types.
alter table requirement_default add column evidence_document_types text[];
alter table payer_requirement add column evidence_document_types text[];
alter table case_requirement
    add column evidence_document_types text[],
    add column evidence_document_ids   uuid[] not null default '{}';

update requirement_default set evidence_document_types = case
        when indication = 'CHRONIC_MIGRAINE' and code = 'HEADACHE_DIARY' then array['HEADACHE_DIARY']
        when indication = 'CHRONIC_MIGRAINE' and code = 'PREVENTIVE_CLASSES_TRIED' then array['MEDICATION_HISTORY', 'CLINIC_NOTE']
        when indication = 'CHRONIC_MIGRAINE' and code = 'NO_CONCURRENT_CGRP_ANTAGONIST' then array['MEDICATION_HISTORY', 'CLINIC_NOTE']
        when code = 'CLINICAL_NOTES' then array['CLINIC_NOTE']
        when code = 'OTHER_TOXINS_TRIED' then array['MEDICATION_HISTORY', 'CLINIC_NOTE']
        when code = 'SPASTICITY_CAUSE' then array['CLINIC_NOTE', 'IMAGING']
    end;

-- Items of cases whose checklist may still change get the rule their catalogue item has now (the payer's own first).
update case_requirement r
   set evidence_document_types = coalesce(
           (select p.evidence_document_types from payer_requirement p
             where p.payer_id = c.payer_id and p.indication = c.indication and p.code = r.code),
           (select d.evidence_document_types from requirement_default d
             where d.indication = c.indication and d.code = r.code))
  from authorization_case c
 where r.case_id = c.id
   and c.status in ('PENDING_SUBMISSION', 'PENDED', 'DENIED');

-- The outcome measure whose improvement documents benefit for each indication (lower is better for every measure).
alter table indication_default add column primary_outcome_measure text;
update indication_default set primary_outcome_measure = case indication
        when 'CHRONIC_MIGRAINE' then 'HEADACHE_DAYS_PER_MONTH'
        when 'CERVICAL_DYSTONIA' then 'TWSTRS_TOTAL'
        when 'SPASTICITY' then 'MODIFIED_ASHWORTH'
        when 'BLEPHAROSPASM' then 'JANKOVIC_RATING_SCALE'
        when 'HEMIFACIAL_SPASM' then 'JANKOVIC_RATING_SCALE'
        when 'LUMBAR_DYSTONIA' then 'CGI_SEVERITY'
        when 'WRITERS_CRAMP' then 'CGI_SEVERITY'
    end;

-- The improvement over baseline (percent, one decimal) that documents benefit, per measure; a payer's row overrides it.
create table benefit_threshold_default (
    measure                   text         primary key,
    min_improvement_percent   numeric(4,1) not null check (min_improvement_percent > 0 and min_improvement_percent <= 100)
);
create table payer_benefit_threshold (
    payer_id                  text         not null,
    measure                   text         not null,
    min_improvement_percent   numeric(4,1) not null check (min_improvement_percent > 0 and min_improvement_percent <= 100),
    primary key (payer_id, measure)
);
insert into benefit_threshold_default (measure, min_improvement_percent) values
    ('HEADACHE_DAYS_PER_MONTH', 50.0),
    ('MIDAS', 30.0),
    ('HIT_6', 10.0),
    ('TWSTRS_TOTAL', 30.0),
    ('MODIFIED_ASHWORTH', 30.0),
    ('JANKOVIC_RATING_SCALE', 30.0),
    ('CGI_SEVERITY', 30.0);

-- Every treatment outcome scheduling-service recorded for a referral (OutcomeRecorded), kept by referral so that one
-- arriving before the reauthorization case opens is applied when it does.
create table referral_outcome (
    outcome_id            uuid         primary key,
    referral_id           uuid         not null,
    indication            text         not null,
    measure               text         not null,
    value                 numeric(6,1) not null,
    baseline_value        numeric(6,1),
    improvement_percent   numeric(6,1),
    assessed_on           date         not null,
    treatments_completed  integer      not null,
    recorded_at           timestamptz  not null
);
create index referral_outcome_latest on referral_outcome (referral_id, measure, assessed_on desc, recorded_at desc);
