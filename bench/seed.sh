#!/usr/bin/env bash
# Loads N synthetic but realistic referrals, with their authorization cases, treatment plans, appointments,
# timelines, checklists, status histories, treatment usage and audit rows, straight into the three databases of a
# stack started with ./clinic up -d (the migrations must have run). Set-based SQL only (INSERT ... SELECT over
# generate_series), indexes as the migrations made them, so the tables look as if the services had written them.
#
# Usage: bench/seed.sh [--truncate] N        (honours CLINIC_PORT_OFFSET; PGHOST/PGPORT override the address)
#   --truncate   empty the domain tables of the three databases first (migration history and reference data stay)
#
# Every referral i (1..N) is derived from i alone through a hash, so the three databases agree without talking to
# each other: referral id md5('referral:i'), case id md5('case:i'), appointment ids md5('appointment:i:k').
# Distributions (share of N):
#   received over the last 3 years, evenly; urgent 15 %; 20 % phone referrals (no partner), the rest from 40
#   partners pcp-001..pcp-040, skewed (pcp-001 sends the most); 8 payers; indications: chronic migraine 45 %,
#   cervical dystonia 20 %, spasticity 15 %, blepharospasm 10 %, hemifacial spasm 5 %, writer's cramp 3 %, lumbar
#   dystonia 2 %; triage meets 55 % / needs review 35 % / does not meet 10 %.
#   Referrals younger than 10 days are still with intake (RECEIVED 85 %, INFO_REQUESTED 15 %); older ones are
#   ACCEPTED 70 %, DECLINED 18 %, CANCELLED 12 %.
#   An accepted referral has one authorization case whose status follows its age (pending submission, submitted
#   with the payer clock running and some overdue, pended, denied, appealed, withdrawn, approved / partially
#   approved, expired, exhausted); approvals carry the indication's visits (migraine 2 in 6 months, else 4 in 12)
#   and one treatment every 91 days from a week after approval; 6 % of running approvals end in an unresolved
#   no-show; 65 % of the others have their next visit booked. An approval used up more than 90 days ago is stored as
#   EXPIRED (in reality a reauthorization case follows it; without one the insurance clock job would open one for
#   every old approval at its first run). Clinic days: every weekday from 3 years back to 13
#   months ahead (the third Wednesday from the rule, the others added by staff). Outcomes: see the scheduling SQL.
set -euo pipefail
cd "$(dirname "$0")/.."

truncate=0
if [ "${1:-}" = "--truncate" ]; then truncate=1; shift; fi
N=${1:?usage: bench/seed.sh [--truncate] N}
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -gt 0 ] || { echo "N must be a positive number" >&2; exit 2; }

offset=${CLINIC_PORT_OFFSET:-0}
export PGHOST=${PGHOST:-127.0.0.1}
export PGPORT=${PGPORT:-$((55432 + offset))}
T0=$(date -u +%Y-%m-%dT%H:%M:%SZ)        # "now" for all three databases, so they agree on every date

psql_as() {  # psql_as <service> [psql args...]: as the database's owner, stop at the first error
    local db=$1; shift
    PGPASSWORD="${db}_owner" psql -X -q -v ON_ERROR_STOP=1 -U "${db}_owner" -d "$db" "$@"
}

for db in referral insurance scheduling; do
    psql_as "$db" -c 'select 1' >/dev/null || { echo "cannot reach database $db at $PGHOST:$PGPORT" >&2; exit 1; }
done

if [ "$truncate" = 1 ]; then
    psql_as referral -c 'truncate webhook_delivery, timeline_entry, referral, patient, audit_entry, outbox_event, processed_event restart identity cascade'
    psql_as insurance -c 'truncate treatment_use, case_status_change, case_requirement, authorization_case, cancelled_referral, audit_entry, outbox_event, processed_event restart identity cascade'
    psql_as scheduling -c 'truncate treatment_outcome, appointment, treatment_plan, audit_entry, outbox_event, processed_event restart identity cascade'
fi
for db in referral:referral insurance:authorization_case scheduling:treatment_plan; do
    if [ "$(psql_as "${db%%:*}" -tAc "select count(*) > 0 from ${db#*:}")" = t ]; then
        echo "database ${db%%:*} already has rows in ${db#*:}; run with --truncate to replace them" >&2
        exit 1
    fi
done

# Loading is faster without the secondary indexes: each database's load drops the indexes of the tables it fills
# (those no constraint needs: primary keys and unique constraints stay) and builds them again, as the migrations
# defined them, once the rows are in. All of it is one transaction: a failed load leaves the database as it was.
without_indexes() {  # without_indexes <table>...: SQL that remembers and drops the tables' secondary indexes
    local list
    list=$(printf "'%s'," "$@")
    cat <<SQL
begin;
create temporary table seed_index on commit drop as
select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as definition
  from pg_index i join pg_class t on t.oid = i.indrelid join pg_namespace n on n.oid = t.relnamespace
 where n.nspname = current_schema() and t.relname in (${list%,})
   and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid);
do \$\$ declare r record; begin
  for r in select name from seed_index loop execute 'drop index ' || r.name; end loop;
end \$\$;
SQL
}
RESTORE_INDEXES=$(cat <<'SQL'
set maintenance_work_mem = '512MB';
do $$ declare r record; begin
  for r in select definition from seed_index loop execute r.definition; end loop;
end $$;
commit;
SQL
)

# The plan of every referral, computed identically in each database into a temporary table `s`.
read -r -d '' BASE <<SQL || true
set synchronous_commit = off;
set work_mem = '64MB';
-- a draw in 0..999, independent per (i, k)
create function pg_temp.h(i bigint, k int) returns int language sql immutable parallel safe as
  \$\$ select ((hashint8(\$1 * 64 + \$2) & 2147483647) % 1000)::int \$\$;
-- the weekday on or after a date (clinic days are weekdays)
create function pg_temp.wd(d date) returns date language sql immutable parallel safe as
  \$\$ select \$1 + case extract(isodow from \$1) when 6 then 2 when 7 then 1 else 0 end \$\$;
create temporary table s as
with r as (
  select i,
         md5('referral:' || i)::uuid as id,
         timestamptz '$T0' - ((($N - i) + pg_temp.h(i, 0) / 1000.0) * (1095.0 / $N)) * interval '1 day' as created,
         pg_temp.h(i, 1) < 150 as urgent,
         case when pg_temp.h(i, 2) < 450 then 'CHRONIC_MIGRAINE' when pg_temp.h(i, 2) < 650 then 'CERVICAL_DYSTONIA'
              when pg_temp.h(i, 2) < 800 then 'SPASTICITY' when pg_temp.h(i, 2) < 900 then 'BLEPHAROSPASM'
              when pg_temp.h(i, 2) < 950 then 'HEMIFACIAL_SPASM' when pg_temp.h(i, 2) < 980 then 'WRITERS_CRAMP'
              else 'LUMBAR_DYSTONIA' end as indication,
         case when pg_temp.h(i, 3) < 200 then null
              else 'pcp-' || lpad((1 + (pg_temp.h(i, 4) * pg_temp.h(i, 4) * 40) / 1000000)::text, 3, '0') end as partner,
         (array['AETNA', 'ANTHEM', 'BCBS-IL', 'CIGNA', 'HUMANA', 'MEDICARE', 'MEDICAID-NY', 'UHC'])[1 + pg_temp.h(i, 5) % 8] as payer,
         case when pg_temp.h(i, 6) < 550 then 'MEETS_CRITERIA' when pg_temp.h(i, 6) < 900 then 'NEEDS_REVIEW'
              else 'DOES_NOT_MEET_CRITERIA' end as triage,
         pg_temp.h(i, 7) as d7, pg_temp.h(i, 8) as d8, pg_temp.h(i, 9) as d9, pg_temp.h(i, 10) as d10,
         pg_temp.h(i, 11) as d11, pg_temp.h(i, 12) as d12
    from generate_series(1, $N) as i
), r2 as (
  select r.*,
         case when created > timestamptz '$T0' - interval '10 days'
              then case when d7 < 850 then 'RECEIVED' else 'INFO_REQUESTED' end
              else case when d7 < 700 then 'ACCEPTED' when d7 < 880 then 'DECLINED' else 'CANCELLED' end end as status,
         created + (1 + d8 % 3) * interval '1 day' + (d8 % 480) * interval '1 minute' as accepted_at
    from r
), c as (
  select r2.*,
         extract(epoch from timestamptz '$T0' - accepted_at) / 86400 as case_age,
         case when indication = 'CHRONIC_MIGRAINE' then 2 else 4 end as visits,
         case indication when 'CHRONIC_MIGRAINE' then 155 when 'CERVICAL_DYSTONIA' then 236 when 'LUMBAR_DYSTONIA' then 200
              when 'WRITERS_CRAMP' then 100 when 'SPASTICITY' then 300 when 'BLEPHAROSPASM' then 100 else 50 end as units_per_visit,
         case when indication = 'CHRONIC_MIGRAINE' then 6 else 12 end as months
    from r2
), c2 as (
  select c.*,
         case when status <> 'ACCEPTED' then null
              when case_age < 4 then case when d9 < 600 then 'PENDING_SUBMISSION' else 'SUBMITTED' end
              when case_age < 12 then case when d9 < 250 then 'SUBMITTED' when d9 < 300 then 'PENDED'
                                           when d9 < 380 then 'DENIED' else 'GRANTED' end
              else case when d9 < 70 then 'DENIED' when d9 < 85 then 'APPEALED' when d9 < 110 then 'WITHDRAWN'
                        else 'GRANTED' end end as case_kind,
         accepted_at + interval '1 day' as submitted_at,
         accepted_at + interval '4 days' as decided_at
    from c
), g as (
  select c2.*,
         case when case_kind = 'GRANTED' then (decided_at at time zone 'UTC')::date end as valid_from
    from c2
), g2 as (
  select g.*,
         (valid_from + make_interval(months => months))::date - 1 as valid_to,
         case when valid_from is null then 0
              else least(visits, greatest(0, floor((date '$T0' - valid_from - 8) / 91.0)::int + 1)) end as done_raw
    from g
)
select g2.*,
       (done_raw > 0 and valid_to >= date '$T0' and done_raw < visits and d11 < 60) as no_show,
       done_raw - case when (done_raw > 0 and valid_to >= date '$T0' and done_raw < visits and d11 < 60) then 1 else 0 end as fulfilled,
       case when case_kind is null or case_kind <> 'GRANTED' then case_kind
            when done_raw >= visits then case when valid_to < date '$T0' - 90 then 'EXPIRED' else 'EXHAUSTED' end
            when valid_to < date '$T0' then 'EXPIRED'
            when d10 < 100 then 'PARTIALLY_APPROVED' else 'APPROVED' end as case_status,
       pg_temp.wd(valid_from + 7 + done_raw * 91) as next_visit
  from g2;
alter table s add column booked boolean;
update s set booked = case_status in ('APPROVED', 'PARTIALLY_APPROVED') and not no_show
                      and next_visit <= valid_to and d12 < 650;
-- a visit's date: visit k (1-based) of the approval
create function pg_temp.visit(valid_from date, k int) returns date language sql immutable as
  \$\$ select pg_temp.wd(\$1 + 7 + (\$2 - 1) * 91) \$\$;
analyze s;
SQL

REFERRAL_SQL=$(cat <<SQL
$(without_indexes referral timeline_entry audit_entry)
$BASE
-- One patient per referral (every seeded referral has a phone and a member id of its own), keyed as intake keys them.
insert into patient (id, date_of_birth, first_name_key, last_name_key, member_id_key, phone_key, created_at)
select md5('patient:' || i)::uuid, date '1940-01-01' + (d10 * 23 + d11) % 26000,
       patient_name_key((array['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'Daniel'])[1 + d8 % 10]),
       patient_name_key((array['Garcia', 'Smith', 'Johnson', 'Nguyen', 'Brown', 'Miller', 'Davis', 'Lopez', 'Wilson', 'Patel', 'Kim', 'Clark'])[1 + d9 % 12]),
       patient_member_key('M' || lpad(i::text, 9, '0')), patient_phone_key('+1555' || lpad((i % 10000000)::text, 7, '0')),
       created
  from s;
insert into referral (id, source, partner_id, external_referral_id, status, indication, urgency, urgency_rank,
                      diagnosis_codes, patient_first_name, patient_last_name, patient_date_of_birth, patient_sex,
                      patient_phone, patient_email, patient_address_line1, patient_address_city, patient_address_state,
                      patient_postal_code, provider_npi, provider_name, provider_practice, provider_phone,
                      insurance_payer_id, insurance_payer_name, insurance_member_id, insurance_plan_type,
                      clinical_details, submission_hash, triage_outcome, triage_reasons, triaged_at, decision_reason,
                      info_question, created_by, stage, authorized, progress_at, created_at, updated_at, version,
                      patient_id)
select id,
       case when partner is null then 'PHONE' else 'PARTNER' end,
       partner,
       case when partner is null then null else 'EXT-' || i end,
       status, indication,
       case when urgent then 'URGENT' else 'ROUTINE' end,
       case when urgent then 0 else 1 end,
       case indication when 'CHRONIC_MIGRAINE' then array['G43.709'] when 'CERVICAL_DYSTONIA' then array['G24.3']
            when 'LUMBAR_DYSTONIA' then array['G24.8'] when 'WRITERS_CRAMP' then array['G25.89']
            when 'SPASTICITY' then array['I69.351', 'R25.2'] when 'BLEPHAROSPASM' then array['G24.5'] else array['G51.3'] end,
       (array['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'Daniel'])[1 + d8 % 10],
       (array['Garcia', 'Smith', 'Johnson', 'Nguyen', 'Brown', 'Miller', 'Davis', 'Lopez', 'Wilson', 'Patel', 'Kim', 'Clark'])[1 + d9 % 12],
       date '1940-01-01' + (d10 * 23 + d11) % 26000,
       case when d12 < 620 then 'FEMALE' else 'MALE' end,
       '+1555' || lpad((i % 10000000)::text, 7, '0'), null,
       (1 + d7) || ' Main Street', 'Springfield', 'IL', lpad((60000 + d8)::text, 5, '0'),
       '1234567893', 'Dr. Primary Care ' || coalesce(partner, 'phone'), 'Family Practice ' || coalesce(partner, '(phone)'),
       '+15550100000',
       payer, payer || ' Health Plan', 'M' || lpad(i::text, 9, '0'), 'PPO',
       case when indication = 'CHRONIC_MIGRAINE'
            then jsonb_build_object('headacheDaysPerMonth', 10 + d7 % 18, 'headacheHoursPerDay', 4 + d8 % 8,
                                    'symptomMonths', 3 + d9 % 60, 'priorPreventiveClasses', '["ANTIDEPRESSANT","BETA_BLOCKER"]'::jsonb,
                                    'currentCgrpAntagonist', false)
            when indication = 'SPASTICITY' then '{"spasticityCause":"STROKE","affectedSide":"LEFT"}'::jsonb
            else '{}'::jsonb end,
       md5('submission:' || i),
       triage,
       case triage when 'MEETS_CRITERIA' then '[]'::jsonb
            when 'NEEDS_REVIEW' then '[{"code":"MISSING_DATA","text":"symptomMonths is missing"}]'::jsonb
            else '[{"code":"CRITERION_NOT_MET","text":"headache on fewer than 15 days a month"}]'::jsonb end,
       created,
       case when status = 'DECLINED' then 'Does not meet the clinic''s criteria' end,
       case when status = 'INFO_REQUESTED' then 'Please send the headache diary of the last 3 months' end,
       case when partner is null then 'intake-coordinator' else partner end,
       case status when 'RECEIVED' then 'IN_TRIAGE' when 'INFO_REQUESTED' then 'AWAITING_INFORMATION'
            when 'DECLINED' then 'DECLINED' when 'CANCELLED' then 'CANCELLED'
            else case when case_status in ('DENIED', 'APPEALED') then 'AUTHORIZATION_DENIED'
                      when booked then 'SCHEDULED'
                      when no_show then 'NO_SHOW'
                      when fulfilled > 0 then 'TREATED'
                      when case_kind = 'GRANTED' then 'AUTHORIZED'
                      else 'AWAITING_AUTHORIZATION' end end,
       coalesce(case_kind = 'GRANTED', false),
       case when case_status in ('PENDING_SUBMISSION', 'WITHDRAWN') or case_status is null then null
            when fulfilled > 0 or no_show then pg_temp.visit(valid_from, done_raw)::timestamptz + interval '15 hours'
            when case_kind = 'GRANTED' or case_status in ('DENIED', 'APPEALED', 'PENDED') then decided_at
            else submitted_at end,
       created,
       case when status = 'ACCEPTED' then accepted_at when status = 'RECEIVED' then created
            else created + interval '2 days' end,
       case when status = 'ACCEPTED' then 1 else 0 end,
       md5('patient:' || i)::uuid
  from s;

-- The clinic's own entries and those taken from the other services' events, as the consumers write them.
insert into timeline_entry (referral_id, at, type, detail, source_event_id, recorded_at)
select id, created, 'RECEIVED', 'Referral received', null::uuid, created from s
union all
select id, created, 'TRIAGED', triage, null, created from s
union all
select id, created + interval '1 day', 'INFO_REQUESTED', 'Please send the headache diary of the last 3 months', null,
       created + interval '1 day' from s where status = 'INFO_REQUESTED'
union all
select id, accepted_at, 'ACCEPTED', 'Referral accepted', null, accepted_at from s where status = 'ACCEPTED'
union all
select id, created + interval '2 days', 'DECLINED', 'Does not meet the clinic''s criteria', null, created + interval '2 days'
  from s where status = 'DECLINED'
union all
select id, created + interval '3 days', 'CANCELLED', 'Patient withdrew', null, created + interval '3 days'
  from s where status = 'CANCELLED'
union all
select id, submitted_at, 'AUTHORIZATION_SUBMITTED', 'Submitted to ' || payer, md5('ev-submitted:' || i)::uuid,
       submitted_at + interval '40 milliseconds'
  from s where case_status is not null and case_status not in ('PENDING_SUBMISSION')
union all
select id, decided_at, case when case_kind = 'GRANTED' then 'AUTHORIZATION_APPROVED' else 'AUTHORIZATION_DENIED' end,
       case when case_kind = 'GRANTED' then 'Approved until ' || valid_to else 'Denied by ' || payer end,
       md5('ev-decided:' || i)::uuid, decided_at + interval '40 milliseconds'
  from s where case_kind in ('GRANTED', 'DENIED', 'APPEALED')
union all
select s.id, pg_temp.visit(valid_from, k)::timestamptz - interval '30 days', 'APPOINTMENT_SCHEDULED',
       'Appointment on ' || pg_temp.visit(valid_from, k), md5('ev-scheduled:' || i || ':' || k)::uuid,
       pg_temp.visit(valid_from, k)::timestamptz - interval '30 days'
  from s cross join lateral generate_series(1, done_raw + case when booked then 1 else 0 end) as k
union all
select s.id, pg_temp.visit(valid_from, k)::timestamptz + interval '15 hours',
       case when no_show and k = done_raw then 'NO_SHOW' else 'TREATMENT_COMPLETED' end,
       case when no_show and k = done_raw then 'Missed the appointment' else units_per_visit || ' units given' end,
       md5('ev-visit:' || i || ':' || k)::uuid, pg_temp.visit(valid_from, k)::timestamptz + interval '15 hours'
  from s cross join lateral generate_series(1, done_raw) as k;

insert into audit_entry (at, actor, actor_groups, partner_id, action, resource_type, resource_id, referral_id)
select created, coalesce(partner, 'intake-coordinator'), case when partner is null then 'intake' else 'partner' end,
       partner, 'CREATE', 'referral', id::text, id
  from s;
$RESTORE_INDEXES
SQL
)

INSURANCE_SQL=$(cat <<SQL
$(without_indexes authorization_case case_requirement case_status_change treatment_use)
$BASE
insert into authorization_case (id, referral_id, status, indication, diagnosis_codes, procedure_code, drug_code,
       requested_units, requested_visits, payer_id, payer_name, member_id, plan_type, patient_first_name,
       patient_last_name, patient_date_of_birth, patient_sex, submission_channel, payer_reference, expedited,
       submitted_at, decision_due_at, outcome, authorization_number, approved_units, approved_visits, valid_from,
       valid_to, denial_reason, decided_at, units_used, visits_used, clinical_details, appeal_submitted_at,
       appeal_reason, withdrawal_reason, overdue_flagged_at, queue_rank, queue_at, created_at, updated_at, version)
select md5('case:' || i)::uuid, id, case_status, s.indication,
       case s.indication when 'CHRONIC_MIGRAINE' then array['G43.709'] when 'CERVICAL_DYSTONIA' then array['G24.3']
            when 'LUMBAR_DYSTONIA' then array['G24.8'] when 'WRITERS_CRAMP' then array['G25.89']
            when 'SPASTICITY' then array['I69.351', 'R25.2'] when 'BLEPHAROSPASM' then array['G24.5'] else array['G51.3'] end,
       d.procedure_code, d.drug_code, units_per_visit * visits, visits,
       payer, payer || ' Health Plan', 'M' || lpad(i::text, 9, '0'), 'PPO',
       (array['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'Daniel'])[1 + d8 % 10],
       (array['Garcia', 'Smith', 'Johnson', 'Nguyen', 'Brown', 'Miller', 'Davis', 'Lopez', 'Wilson', 'Patel', 'Kim', 'Clark'])[1 + d9 % 12],
       date '1940-01-01' + (d10 * 23 + d11) % 26000,
       case when d12 < 620 then 'FEMALE' else 'MALE' end,
       case when case_status = 'PENDING_SUBMISSION' then null when d7 % 3 = 0 then 'FAX' else 'PORTAL' end,
       case when case_status = 'PENDING_SUBMISSION' then null else 'PA-' || i end,
       case when case_status = 'PENDING_SUBMISSION' then null else urgent end,
       case when case_status = 'PENDING_SUBMISSION' then null else submitted_at end,
       case when case_status = 'SUBMITTED' then submitted_at + case when urgent then interval '72 hours' else interval '7 days' end
            when case_status = 'APPEALED' then decided_at + interval '35 days' end,
       case when case_kind = 'GRANTED' then case when case_status = 'PARTIALLY_APPROVED' then 'PARTIALLY_APPROVED' else 'APPROVED' end
            when case_status in ('DENIED', 'APPEALED') then 'DENIED' when case_status = 'PENDED' then 'PENDED' end,
       case when case_kind = 'GRANTED' then 'AUTH-' || i end,
       case when case_kind = 'GRANTED' then units_per_visit * visits end,
       case when case_kind = 'GRANTED' then visits end,
       valid_from, case when case_kind = 'GRANTED' then valid_to end,
       case when case_status in ('DENIED', 'APPEALED') then 'Step therapy not documented' end,
       case when case_kind = 'GRANTED' or case_status in ('DENIED', 'APPEALED', 'PENDED') then decided_at end,
       fulfilled * units_per_visit, fulfilled,
       '{}'::jsonb,
       case when case_status = 'APPEALED' then decided_at + interval '5 days' end,
       case when case_status = 'APPEALED' then 'Diary now attached' end,
       case when case_status = 'WITHDRAWN' then 'Patient chose another clinic' end,
       case when case_status in ('SUBMITTED', 'APPEALED')
                 and timestamptz '$T0' > case when case_status = 'APPEALED' then decided_at + interval '35 days'
                                              else submitted_at + case when urgent then interval '72 hours' else interval '7 days' end end
            then timestamptz '$T0' end,
       case when case_status in ('SUBMITTED', 'APPEALED') then 0
            when case_status in ('PENDING_SUBMISSION', 'PENDED', 'DENIED') then 1
            when case_status in ('APPROVED', 'PARTIALLY_APPROVED') then 2 else 3 end,
       case when case_status = 'SUBMITTED' then submitted_at + case when urgent then interval '72 hours' else interval '7 days' end
            when case_status = 'APPEALED' then decided_at + interval '35 days'
            when case_status in ('APPROVED', 'PARTIALLY_APPROVED') then valid_to::timestamp at time zone 'UTC'
            when case_status = 'PENDING_SUBMISSION' then accepted_at
            when case_status in ('PENDED', 'DENIED') then decided_at
            when case_status = 'EXPIRED' then (valid_to + 1)::timestamp at time zone 'UTC'
            when case_status = 'EXHAUSTED' then pg_temp.visit(valid_from, done_raw)::timestamptz + interval '15 hours'
            else submitted_at + interval '2 days' end,
       accepted_at, timestamptz '$T0' - (d12 % 30) * interval '1 hour', 1 + fulfilled
  from s join (select indication as ind, procedure_code, drug_code from indication_default) d on d.ind = s.indication
 where case_status is not null;

insert into case_requirement (case_id, code, description, required, met, met_by, note, position, updated_at)
select md5('case:' || s.i)::uuid, r.code, r.description, r.required,
       s.case_status <> 'PENDING_SUBMISSION' or s.d7 % 2 = 0,
       case when s.case_status <> 'PENDING_SUBMISSION' then 'auth-specialist' end, null, r.position, s.accepted_at
  from s join requirement_default r on r.indication = s.indication and r.stage in ('INITIAL', 'BOTH')
 where s.case_status is not null;

insert into case_status_change (case_id, from_status, to_status, at, note)
select md5('case:' || i)::uuid, null, 'PENDING_SUBMISSION', accepted_at, 'opened from ReferralAccepted'
  from s where case_status is not null
union all
select md5('case:' || i)::uuid, 'PENDING_SUBMISSION', 'SUBMITTED', submitted_at, null
  from s where case_status is not null and case_status <> 'PENDING_SUBMISSION'
union all
select md5('case:' || i)::uuid, 'SUBMITTED',
       case when case_kind = 'GRANTED' then case when case_status = 'PARTIALLY_APPROVED' then 'PARTIALLY_APPROVED' else 'APPROVED' end
            when case_status in ('DENIED', 'APPEALED') then 'DENIED' when case_status = 'PENDED' then 'PENDED' else 'WITHDRAWN' end,
       decided_at, null
  from s where case_status not in ('PENDING_SUBMISSION', 'SUBMITTED')
union all
select md5('case:' || i)::uuid, 'DENIED', 'APPEALED', decided_at + interval '5 days', 'Diary now attached'
  from s where case_status = 'APPEALED'
union all
select md5('case:' || i)::uuid, 'APPROVED', case_status,
       case when case_status = 'EXPIRED' then (valid_to + 1)::timestamp at time zone 'UTC'
            else pg_temp.visit(valid_from, done_raw)::timestamptz + interval '15 hours' end, null
  from s where case_status in ('EXPIRED', 'EXHAUSTED');

insert into treatment_use (case_id, appointment_id, event_id, treatment_date, units_administered, units_wasted,
                           beyond_approval, outside_window, recorded_at)
select md5('case:' || i)::uuid, md5('appointment:' || i || ':' || k)::uuid, md5('ev-visit:' || i || ':' || k)::uuid,
       pg_temp.visit(valid_from, k), units_per_visit - 5, 5, false, false,
       pg_temp.visit(valid_from, k)::timestamptz + interval '15 hours'
  from s cross join lateral generate_series(1, fulfilled) as k;
$RESTORE_INDEXES
SQL
)

SCHEDULING_SQL=$(cat <<SQL
$(without_indexes treatment_plan appointment treatment_outcome)
$BASE
-- Outcomes: 85 % of referrals give a baseline on the indication's primary measure; each treated patient is assessed on
-- it 28 days after every treatment; an assessment's value is the baseline times 0.31..1.10 (an improvement of -10 % to
-- 69 %, drawn per visit), kept on the scale. The plan keeps the latest, and the improvement after the second treatment.
create function pg_temp.outcome(measure text, baseline numeric, draw int) returns numeric language sql immutable as
  \$\$ select case when \$1 = 'MODIFIED_ASHWORTH' then greatest(0, \$2 - \$3 % 3)
              else least(case \$1 when 'HEADACHE_DAYS_PER_MONTH' then 31 when 'TWSTRS_TOTAL' then 85
                                  when 'JANKOVIC_RATING_SCALE' then 8 else 7 end,
                         greatest(case when \$1 = 'CGI_SEVERITY' then 1 else 0 end,
                                  round(\$2 * (110 - \$3 % 80) / 100.0))) end \$\$;
alter table s add column baseline_measure text, add column baseline_value numeric, add column assessed int,
              add column latest_value numeric;
update s set baseline_measure = case indication when 'CHRONIC_MIGRAINE' then 'HEADACHE_DAYS_PER_MONTH'
                 when 'CERVICAL_DYSTONIA' then 'TWSTRS_TOTAL' when 'SPASTICITY' then 'MODIFIED_ASHWORTH'
                 when 'BLEPHAROSPASM' then 'JANKOVIC_RATING_SCALE' when 'HEMIFACIAL_SPASM' then 'JANKOVIC_RATING_SCALE'
                 else 'CGI_SEVERITY' end,
             baseline_value = case indication when 'CHRONIC_MIGRAINE' then 15 + pg_temp.h(i, 14) % 14
                 when 'CERVICAL_DYSTONIA' then 25 + pg_temp.h(i, 14) % 36 when 'SPASTICITY' then 2 + pg_temp.h(i, 14) % 3
                 when 'BLEPHAROSPASM' then 4 + pg_temp.h(i, 14) % 5 when 'HEMIFACIAL_SPASM' then 4 + pg_temp.h(i, 14) % 5
                 else 3 + pg_temp.h(i, 14) % 4 end,
             assessed = case when fulfilled = 0 then 0 when pg_temp.visit(valid_from, fulfilled) + 28 <= date '$T0'
                 then fulfilled else fulfilled - 1 end
 where status = 'ACCEPTED' and pg_temp.h(i, 13) < 850;
update s set latest_value = pg_temp.outcome(baseline_measure, baseline_value, pg_temp.h(i, 20 + assessed)) where assessed > 0;
insert into clinic_day (date, status, capacity_minutes, origin, created_at, updated_at)
select d, 'OPEN', greatest(2880, $N / 10),
       case when extract(isodow from d) = 3 and extract(day from d) between 15 and 21 then 'RULE' else 'STAFF' end,
       timestamptz '$T0' - interval '3 years', timestamptz '$T0' - interval '3 years'
  from generate_series(date '$T0' - 1110, date '$T0' + 400, interval '1 day') as g(t), lateral (select t::date as d) x
 where extract(isodow from d) < 6
on conflict (date) do update set capacity_minutes = greatest(clinic_day.capacity_minutes, excluded.capacity_minutes);

insert into treatment_plan (referral_id, patient_first_name, patient_last_name, patient_date_of_birth, patient_sex,
       indication, accepted_at, authorization_id, authorization_number, valid_from, valid_to, approved_visits,
       approved_units, visits_used, units_used, last_treatment_date, status, created_at, updated_at, version,
       baseline_measure, baseline_value, treatments_completed, second_treatment_date, latest_primary_value,
       latest_primary_assessed_on, improvement_after_second_treatment)
select id,
       (array['Maria', 'James', 'Linda', 'Robert', 'Patricia', 'Michael', 'Jennifer', 'David', 'Elizabeth', 'Daniel'])[1 + d8 % 10],
       (array['Garcia', 'Smith', 'Johnson', 'Nguyen', 'Brown', 'Miller', 'Davis', 'Lopez', 'Wilson', 'Patel', 'Kim', 'Clark'])[1 + d9 % 12],
       date '1940-01-01' + (d10 * 23 + d11) % 26000,
       case when d12 < 620 then 'FEMALE' else 'MALE' end,
       indication, accepted_at,
       case when case_kind = 'GRANTED' then md5('case:' || i)::uuid end,
       case when case_kind = 'GRANTED' then 'AUTH-' || i end,
       valid_from, case when case_kind = 'GRANTED' then valid_to end,
       case when case_kind = 'GRANTED' then visits end,
       case when case_kind = 'GRANTED' then units_per_visit * visits end,
       fulfilled, fulfilled * units_per_visit,
       case when fulfilled > 0 then pg_temp.visit(valid_from, fulfilled) end,
       case when case_status in ('DENIED', 'APPEALED') then 'AUTHORIZATION_DENIED'
            when case_status = 'EXPIRED' then 'AUTHORIZATION_EXPIRED'
            when case_status = 'EXHAUSTED' then 'AUTHORIZATION_EXHAUSTED'
            when case_kind = 'GRANTED' then case when booked then 'SCHEDULED' else 'READY_TO_SCHEDULE' end
            else 'AWAITING_AUTHORIZATION' end,
       accepted_at + interval '50 milliseconds', timestamptz '$T0' - (d12 % 30) * interval '1 hour', 1 + fulfilled,
       baseline_measure, baseline_value, fulfilled, case when fulfilled >= 2 then pg_temp.visit(valid_from, 2) end,
       latest_value, case when latest_value is not null then pg_temp.visit(valid_from, assessed) + 28 end,
       case when latest_value is not null and assessed >= 2
            then round((baseline_value - latest_value) * 100 / baseline_value, 1) end
  from s where status = 'ACCEPTED';

insert into treatment_outcome (id, referral_id, measure, value, assessed_on, recorded_at)
select md5('outcome:' || i || ':' || k)::uuid, id, baseline_measure,
       pg_temp.outcome(baseline_measure, baseline_value, pg_temp.h(i, 20 + k)), pg_temp.visit(valid_from, k) + 28,
       (pg_temp.visit(valid_from, k) + 28)::timestamptz + interval '15 hours'
  from s cross join lateral generate_series(1, assessed) as k
 where baseline_value is not null;

-- Each day's appointments, in referral order, twelve to a chair and injector pair (chair-1 with injector-1, ...), 45
-- minutes apart from 09:00: none is longer, so no chair or injector is held twice at once (the exclusion constraints).
insert into appointment (id, referral_id, clinic_date, duration_minutes, status, authorization_id, units_administered,
       units_wasted, injection_sites, notes, created_at, updated_at, checked_in_at, completed_at, no_show_at, version,
       start_time, chair, provider_id)
select md5('appointment:' || i || ':' || k)::uuid, id, pg_temp.visit(valid_from, k),
       case indication when 'SPASTICITY' then 45 when 'WRITERS_CRAMP' then 20
            when 'BLEPHAROSPASM' then 15 when 'HEMIFACIAL_SPASM' then 15 else 30 end,
       case when k <= fulfilled then 'FULFILLED' when k = done_raw and no_show then 'NOSHOW' else 'BOOKED' end,
       md5('case:' || i)::uuid,
       case when k <= fulfilled then units_per_visit - 5 end,
       case when k <= fulfilled then 5 end,
       case when k <= fulfilled then case when indication = 'CHRONIC_MIGRAINE' then 31 else 8 end end,
       null,
       pg_temp.visit(valid_from, k)::timestamptz - interval '30 days',
       least(timestamptz '$T0', pg_temp.visit(valid_from, k)::timestamptz + interval '15 hours'),
       case when k <= fulfilled then pg_temp.visit(valid_from, k)::timestamptz + interval '14 hours' end,
       case when k <= fulfilled then pg_temp.visit(valid_from, k)::timestamptz + interval '15 hours' end,
       case when k = done_raw and no_show then pg_temp.visit(valid_from, k)::timestamptz + interval '1 day' end,
       case when k <= fulfilled then 2 else 0 end,
       time '09:00' + ((row_number() over w - 1) % 12) * interval '45 minutes',
       'chair-' || ((row_number() over w - 1) / 12 + 1),
       'injector-' || ((row_number() over w - 1) / 12 + 1)
  from s cross join lateral generate_series(1, done_raw + case when booked then 1 else 0 end) as k
 where case_kind = 'GRANTED'
window w as (partition by pg_temp.visit(valid_from, k) order by i, k);
$RESTORE_INDEXES
SQL
)

logdir=$(mktemp -d)
seed_one() {  # seed_one <db> <sql>: runs in the background, writes its seconds to $logdir/<db>
    local db=$1 sql=$2 start end
    start=$(date +%s.%N)
    printf '%s\n' "$sql" | psql_as "$db" >"$logdir/$db.log" 2>&1 || { echo "FAILED" >"$logdir/$db"; return 1; }
    end=$(date +%s.%N)
    echo "$end - $start" | bc >"$logdir/$db"
}
echo "seeding N=$N referrals at $PGHOST:$PGPORT (now = $T0), the three databases in parallel..."
all_start=$(date +%s.%N)
pids=()
seed_one referral "$REFERRAL_SQL" & pids+=($!)
seed_one insurance "$INSURANCE_SQL" & pids+=($!)
seed_one scheduling "$SCHEDULING_SQL" & pids+=($!)
failed=0
for p in "${pids[@]}"; do wait "$p" || failed=1; done
load_end=$(date +%s.%N)
for db in referral insurance scheduling; do
    if [ "$(cat "$logdir/$db")" = FAILED ]; then echo "--- $db failed:" >&2; cat "$logdir/$db.log" >&2; fi
done
[ "$failed" = 0 ] || exit 1

# What autovacuum would have done on a database that grew over years: statistics and the visibility map.
vac_start=$(date +%s.%N)
for db in referral insurance scheduling; do psql_as "$db" -c 'set client_min_messages = error' -c 'vacuum (analyze)' & done
wait
vac_end=$(date +%s.%N)

printf '\n%-12s %10s  %s\n' database seconds rows
for db in referral insurance scheduling; do
    case $db in
        referral) q="select format('referral %s, timeline_entry %s, audit_entry %s', (select count(*) from referral), (select count(*) from timeline_entry), (select count(*) from audit_entry))" ;;
        insurance) q="select format('authorization_case %s, case_requirement %s, case_status_change %s, treatment_use %s', (select count(*) from authorization_case), (select count(*) from case_requirement), (select count(*) from case_status_change), (select count(*) from treatment_use))" ;;
        scheduling) q="select format('treatment_plan %s, appointment %s, clinic_day %s, treatment_outcome %s', (select count(*) from treatment_plan), (select count(*) from appointment), (select count(*) from clinic_day), (select count(*) from treatment_outcome))" ;;
    esac
    printf '%-12s %10.1f  %s\n' "$db" "$(cat "$logdir/$db")" "$(psql_as "$db" -tAc "$q")"
done
printf '%-12s %10.1f  %s\n' "all (wall)" "$(echo "$load_end - $all_start" | bc)" "the three loads ran in parallel"
printf '%-12s %10.1f  %s\n' "vacuum" "$(echo "$vac_end - $vac_start" | bc)" "vacuum (analyze) of the three databases"
for db in referral insurance scheduling; do
    printf '%-12s %10s  %s\n' "$db" size "$(psql_as "$db" -tAc 'select pg_size_pretty(pg_database_size(current_database()))')"
done
rm -rf "$logdir"
