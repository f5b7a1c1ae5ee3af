-- The minimal durable writes of one referral submission, as one transaction: the referral row (screened), its
-- RECEIVED and TRIAGED timeline entries and its audit entry, written by one statement (data-modifying CTEs, so the
-- referral's id flows to the other rows without a round trip). Run by bench/intake.sh with pgbench; the marker variable (the
-- partner id) lets the script delete the referrals and their entries afterwards.
begin;
with referral_row as (
    insert into referral (id, source, partner_id, external_referral_id, status, indication, urgency, urgency_rank,
                          diagnosis_codes, patient_first_name, patient_last_name, patient_date_of_birth, patient_sex,
                          patient_phone, patient_email, provider_npi, provider_name, provider_practice, provider_phone,
                          insurance_payer_id, insurance_payer_name, insurance_member_id, insurance_group_number,
                          insurance_plan_type, clinical_details, notes, submission_hash, triage_outcome, triage_reasons,
                          triaged_at, created_by, stage, authorized, created_at, updated_at, version)
    select gen_random_uuid(), 'PARTNER', p.marker, 'NFP-' || gen_random_uuid(), 'RECEIVED', 'CHRONIC_MIGRAINE',
           case when p.urgent then 'URGENT' else 'ROUTINE' end, case when p.urgent then 0 else 1 end,
           array['G43.709'], 'Alex', 'Rivera', current_date - (6570 + (random() * 22630)::int), 'FEMALE', '555-0100',
           'alex.rivera@example.org', '1234567893', 'Dr. Sam Lee', 'North Family Practice', '555-0190', 'AETNA', 'Aetna',
           'W' || (random() * 1e9)::bigint, 'G-100', 'PPO',
           '{"headacheDaysPerMonth": 20, "headacheHoursPerDay": 6, "migraineDaysPerMonth": 12, "symptomMonths": 24, "priorPreventiveClasses": ["BETA_BLOCKER", "ANTICONVULSANT"], "currentCgrpAntagonist": false}',
           'Failed two preventive classes, requesting Botox evaluation.', md5(random()::text) || md5(random()::text),
           'MEETS_CRITERIA', '[]', now(), 'partner' || chr(58) || 'bench', 'IN_TRIAGE', false, now(), now(), 1
    from (select cast(:marker as text) as marker, random() < 0.1 as urgent) p
    returning id, partner_id
), timeline as (
    insert into timeline_entry (referral_id, at, type, detail, recorded_at)
    select id, now(), t.type, t.detail, now() from referral_row,
           (values ('RECEIVED', 'Received from the referring practice'), ('TRIAGED', 'Screening: MEETS_CRITERIA')) t(type, detail)
)
insert into bench_audit_entry (at, actor, actor_groups, partner_id, action, resource_type, resource_id, referral_id, outcome)
select now(), 'partner' || chr(58) || 'bench', 'partner', partner_id, 'CREATE', 'referral', id, id, 'ALLOWED' from referral_row;
commit;
