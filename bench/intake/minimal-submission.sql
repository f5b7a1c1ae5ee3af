-- The minimal durable writes of one referral submission, as one transaction, in the round trips a service needs:
-- begin; the patient found or created (the match statement of PatientRepository, on a new person's keys); the
-- referral row (screened), which returns its id; its RECEIVED and TRIAGED timeline entries in one multi-row insert;
-- its audit entry; commit. Four statements, six round trips, run prepared (pgbench -M prepared) by bench/intake.sh.
-- The marker variable (the partner id) lets the script delete the referrals and their entries afterwards; the id
-- of each new referral is captured into the variable referral_id by gset and used by the next two statements.
-- pgbench reads a colon followed by a name anywhere (comments and string literals too) as a variable: no colon is
-- written here except before a variable (chr(58) builds the one in the actor).
begin;
with k as (
    select current_date - (6570 + (random() * 22630)::int) as dob, coalesce(patient_name_key('Alex'), '') as first_key,
           coalesce(patient_name_key('Rivera'), '') as last_key,
           coalesce(patient_member_key('W' || (random() * 1e12)::bigint), '') as member_key,
           patient_phone_key('555' || (1000000 + (random() * 8999999)::int)) as phone_key
), found as (
    select coalesce(p.merged_into, p.id) as id,
           case when p.last_name_key = k.last_key and p.first_name_key = k.first_key
                     and p.member_id_key = k.member_key then 1 else 2 end as rank
      from patient p, k
     where p.date_of_birth = k.dob
       and ((p.last_name_key = k.last_key and p.first_name_key = k.first_key and p.member_id_key = k.member_key)
            or p.phone_key = k.phone_key)
       for share of p
), created as (
    insert into patient (id, date_of_birth, first_name_key, last_name_key, member_id_key, phone_key, created_at)
    select gen_random_uuid(), dob, first_key, last_key, member_key, phone_key, now() from k
     where not exists (select 1 from found)
    on conflict do nothing
    returning id
)
select id as patient_id from (select id, rank from found union all select id, 0 from created) m order by rank, id limit 1
\gset
insert into referral (id, source, partner_id, external_referral_id, status, indication, urgency, urgency_rank,
                      diagnosis_codes, patient_first_name, patient_last_name, patient_date_of_birth, patient_sex,
                      patient_phone, patient_email, provider_npi, provider_name, provider_practice, provider_phone,
                      insurance_payer_id, insurance_payer_name, insurance_member_id, insurance_group_number,
                      insurance_plan_type, clinical_details, notes, submission_hash, triage_outcome, triage_reasons,
                      triaged_at, created_by, stage, authorized, created_at, updated_at, version, patient_id)
select gen_random_uuid(), 'PARTNER', p.marker, 'NFP-' || gen_random_uuid(), 'RECEIVED', 'CHRONIC_MIGRAINE',
       case when p.urgent then 'URGENT' else 'ROUTINE' end, case when p.urgent then 0 else 1 end,
       array['G43.709'], 'Alex', 'Rivera', current_date - (6570 + (random() * 22630)::int), 'FEMALE', '555-0100',
       'alex.rivera@example.org', '1234567893', 'Dr. Sam Lee', 'North Family Practice', '555-0190', 'AETNA', 'Aetna',
       'W' || (random() * 1e9)::bigint, 'G-100', 'PPO',
       '{"headacheDaysPerMonth": 20, "headacheHoursPerDay": 6, "migraineDaysPerMonth": 12, "symptomMonths": 24, "priorPreventiveClasses": ["BETA_BLOCKER", "ANTICONVULSANT"], "currentCgrpAntagonist": false}',
       'Failed two preventive classes, requesting Botox evaluation.', md5(random()::text) || md5(random()::text),
       'MEETS_CRITERIA', '[]', now(), 'partner' || chr(58) || 'bench', 'IN_TRIAGE', false, now(), now(), 1, cast(:patient_id as uuid)
  from (select cast(:marker as text) as marker, random() < 0.1 as urgent) p
returning id as referral_id \gset
insert into timeline_entry (referral_id, at, type, detail, recorded_at)
values (cast(:referral_id as uuid), now(), 'RECEIVED', 'Received from the referring practice', now()),
       (cast(:referral_id as uuid), now(), 'TRIAGED', 'Screening' || chr(58) || ' MEETS_CRITERIA', now());
insert into bench_audit_entry (at, actor, actor_groups, partner_id, action, resource_type, resource_id, referral_id,
                               outcome)
values (now(), 'partner' || chr(58) || 'bench', 'partner', :marker, 'CREATE', 'referral', :referral_id,
        cast(:referral_id as uuid), 'ALLOWED');
commit;
