-- The patient's identity from referral-service (ReferralAccepted.patientId): the dose limit counts every dose given
-- to the same patient id, and the 84-day cadence runs per patient and indication. Plans accepted before this change
-- have none (null) and keep the name-and-birth-date rule.
alter table treatment_plan add column patient_id uuid;
-- The latest treatment of the same patient for the same indication, on any of their plans (this one included); null
-- for a plan without a patient id. Written by the service whenever a treatment, an acceptance or a merge changes it
-- (TreatmentPlanRepository.refreshCadence), under the patient's dose lock.
alter table treatment_plan add column indication_last_treatment_date date;

-- eligible_from now starts the 84 days at the later of the plan's own last treatment and the patient's last treatment
-- for the indication. PostgreSQL 15 cannot change a generated column's expression: it is dropped (with the index that
-- reads it) and added again, which rewrites the table once.
alter table treatment_plan drop column eligible_from;
alter table treatment_plan
    add column eligible_from date generated always as
        (greatest(valid_from, greatest(last_treatment_date, indication_last_treatment_date) + 84)) stored;
create index treatment_plan_eligible on treatment_plan (status, eligible_from, referral_id);

-- A patient's plans, by indication: the dose history, the dose locks, the cadence refresh and the merge's re-keying.
create index treatment_plan_patient on treatment_plan (patient_id, indication) where patient_id is not null;
-- Plans by birth date: a plan without a patient id is recognised by name and birth date, and counts the doses of the
-- patients with an id whose plans carry that name (and they its doses).
create index treatment_plan_birth_date on treatment_plan (patient_date_of_birth);

-- A patient id that ceased to exist in a merge, and the surviving one. Kept flat: when a survivor is merged in turn,
-- every alias pointing to it is pointed to the new survivor, so that one lookup resolves any id (A->B, B->C: A->C).
create table patient_alias (
    merged_patient_id uuid        primary key,
    patient_id        uuid        not null,
    merged_at         timestamptz,
    recorded_at       timestamptz not null
);
create index patient_alias_survivor on patient_alias (patient_id);
