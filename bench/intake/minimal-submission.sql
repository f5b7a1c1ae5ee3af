-- The minimal durable writes of one referral submission, as one transaction: the referral row (screened), its
-- RECEIVED and TRIAGED timeline entries (one multi-row insert) and its audit entry. Run by bench/intake.sh with
-- pgbench -M prepared; :marker (the partner id) lets the script delete the referrals and their entries afterwards.
\set dob_days random(6570, 29200)
\set urgent random(0, 9)
begin;
insert into referral (id, source, partner_id, external_referral_id, status, indication, urgency, urgency_rank,
                      diagnosis_codes, patient_first_name, patient_last_name, patient_date_of_birth, patient_sex,
                      patient_phone, patient_email, provider_npi, provider_name, provider_practice, provider_phone,
                      insurance_payer_id, insurance_payer_name, insurance_member_id, insurance_group_number,
                      insurance_plan_type, clinical_details, notes, submission_hash, triage_outcome, triage_reasons,
                      triaged_at, created_by, stage, authorized, created_at, updated_at, version)
values (gen_random_uuid(), 'PARTNER', :marker, 'NFP-' || gen_random_uuid(), 'RECEIVED', 'CHRONIC_MIGRAINE',
        case when :urgent = 0 then 'URGENT' else 'ROUTINE' end, case when :urgent = 0 then 0 else 1 end,
        array['G43.709'], 'Alex', 'Rivera', current_date - cast(:dob_days as integer), 'FEMALE', '555-0100', 'alex.rivera@example.org',
        '1234567893', 'Dr. Sam Lee', 'North Family Practice', '555-0190', 'AETNA', 'Aetna',
        'W' || (random() * 1e9)::bigint, 'G-100', 'PPO',
        '{"headacheDaysPerMonth": 20, "headacheHoursPerDay": 6, "migraineDaysPerMonth": 12, "symptomMonths": 24, "priorPreventiveClasses": ["BETA_BLOCKER", "ANTICONVULSANT"], "currentCgrpAntagonist": false}',
        'Failed two preventive classes; requesting Botox evaluation.', md5(random()::text) || md5(random()::text),
        'MEETS_CRITERIA', '[]', now(), 'partner:bench', 'IN_TRIAGE', false, now(), now(), 1)
returning id as referral_id \gset
insert into timeline_entry (referral_id, at, type, detail, recorded_at)
values (:referral_id, now(), 'RECEIVED', 'Received from the referring practice', now()),
       (:referral_id, now(), 'TRIAGED', 'Screening: MEETS_CRITERIA', now());
insert into bench_audit_entry (at, actor, actor_groups, partner_id, action, resource_type, resource_id, referral_id,
                               outcome)
values (now(), 'partner:bench', 'partner', :marker, 'CREATE', 'referral', :referral_id, :referral_id, 'ALLOWED');
commit;
