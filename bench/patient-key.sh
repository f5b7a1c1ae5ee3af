#!/usr/bin/env bash
# What keying the dose limit and the cadence on the patient id costs scheduling-service's database at scale: starts a
# private PostgreSQL (its own data directory and Unix socket under a temporary directory, no TCP port, so it never
# meets a running stack), migrates the scheduling schema up to V3, loads N treatment plans with their treatments,
# and prints, before and after migration V5:
#   - EXPLAIN (ANALYZE, BUFFERS) of the ready-to-schedule / due work-list queries (the SQL Hibernate sends, as in
#     bench/lists.sh): execution time, index used, sequential scans;
#   - the dose-history query of a completion (before: by name and birth date; after: by patient id, and by name for a
#     plan without one) and, after, the patient's turn (advisory locks) and the cadence refresh of one patient;
#   - how long V5 itself takes (it rewrites treatment_plan once).
# After V5, 70 % of the plans get a patient id (about 1.3 plans per patient), as if accepted after the change.
#
# Usage: bench/patient-key.sh [N]      (default 1000000)
#   PG_BIN   PostgreSQL 15 binaries (initdb, pg_ctl, postgres); default: those the test kit's embedded PostgreSQL
#            unpacked under /tmp/embedded-pg (run any service test once first). Needs psql and python3.
set -euo pipefail
cd "$(dirname "$0")/.."

N=${1:-1000000}
[[ "$N" =~ ^[0-9]+$ ]] && [ "$N" -gt 0 ] || { echo "N must be a positive number" >&2; exit 2; }
PG_BIN=${PG_BIN:-$(ls -d /tmp/embedded-pg/*/bin 2>/dev/null | head -1)}
[ -x "${PG_BIN:-}/pg_ctl" ] || { echo "no PostgreSQL binaries: set PG_BIN (or run a service test once)" >&2; exit 1; }
MIGRATIONS=scheduling-service/src/main/resources/db/migration

work=$(mktemp -d /tmp/patient-key-bench.XXXXXX)
chmod 755 "$work"
export PGHOST=$work PGPORT=5432 PGUSER=postgres PGDATABASE=scheduling
# PostgreSQL refuses to run as root: then the server runs as nobody (the data directory is nobody's).
as_server() { if [ "$(id -u)" = 0 ]; then runuser -u nobody -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown nobody "$work"
stop() { as_server "$PG_BIN/pg_ctl" -D "$work/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap stop EXIT
as_server "$PG_BIN/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --locale=C >/dev/null
as_server "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/log" -w \
    -o "-k $work -c listen_addresses='' -c shared_buffers=256MB -c work_mem=16MB -c maintenance_work_mem=256MB -c max_wal_size=4GB" \
    start >/dev/null
psql -X -q -d postgres -c 'create database scheduling'
sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
for v in V1 V2 V3; do sql -f "$MIGRATIONS/${v}__"*.sql; done

today=$(date -u +%F)
echo "loading $N treatment plans (today = $today)..."
start=$(date +%s.%N)
sql <<SQL
insert into clinic_day (date, status, capacity_minutes, origin, created_at, updated_at)
select d::date, 'OPEN', 100000, 'STAFF', now(), now()
  from generate_series(date '$today' - 1200, date '$today' + 400, interval '1 day') d where extract(isodow from d) < 6;
-- Plan i: approved from a weekday in the last 3 years for 6 months, 0-2 treatments 91 days apart, names from a small
-- set (so that namesakes exist, as in bench/seed.sh), indications mixed.
create temp table s as
select i, md5('plan:' || i)::uuid as id,
       (array['Maria','James','Linda','Robert','Patricia','Michael','Jennifer','David','Elizabeth','Daniel'])[1 + i % 10] as first_name,
       (array['Garcia','Smith','Johnson','Nguyen','Brown','Miller','Davis','Lopez','Wilson','Patel','Kim','Clark'])[1 + (i / 10) % 12] as last_name,
       date '1940-01-01' + ((i::bigint * 7919) % 26000)::int as born,
       (array['CHRONIC_MIGRAINE','CHRONIC_MIGRAINE','CERVICAL_DYSTONIA','SPASTICITY','BLEPHAROSPASM'])[1 + i % 5] as indication,
       date '$today' - (i % 1100) as valid_from,
       (i / 7) % 3 as treated
  from generate_series(1, $N) i;
insert into treatment_plan (referral_id, patient_first_name, patient_last_name, patient_date_of_birth, patient_sex,
       indication, accepted_at, authorization_id, authorization_number, valid_from, valid_to, approved_visits,
       approved_units, visits_used, units_used, last_treatment_date, status, created_at, updated_at)
select id, first_name, last_name, born, 'female', indication, now(), md5('auth:' || i)::uuid, 'A-' || i,
       valid_from, valid_from + 180, 2, 400, treated, treated * 155,
       case when treated > 0 then valid_from + 7 + (treated - 1) * 91 end,
       case when i % 10 < 6 then 'READY_TO_SCHEDULE' when i % 10 < 8 then 'SCHEDULED' else 'AUTHORIZATION_EXPIRED' end,
       now(), now()
  from s;
insert into appointment (id, referral_id, clinic_date, duration_minutes, status, authorization_id, units_administered,
       units_wasted, created_at, updated_at, completed_at)
select md5('appointment:' || i || ':' || k)::uuid, id, c.date, 30, 'FULFILLED', md5('auth:' || i)::uuid, 155, 0,
       now(), now(), now()
  from s cross join lateral generate_series(1, treated) k
  cross join lateral (select min(date) as date from clinic_day where date >= valid_from + 7 + (k - 1) * 91) c;
vacuum (analyze) treatment_plan, appointment, clinic_day;
SQL
echo "loaded in $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s: $(psql -X -t -A -c "select count(*) from treatment_plan") plans, $(psql -X -t -A -c "select count(*) from appointment") treatments"

# explain <label> <sql>: execution time, indexes used, sequential scans, from EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
explain() {
    local label=$1 query=$2
    psql -X -t -A -c "explain (analyze, buffers, format json) $query" | python3 -c '
import json, sys
plan = json.load(sys.stdin)[0]
idx, seq = set(), set()
def walk(n):
    if "Index Name" in n: idx.add(n["Index Name"])
    if n["Node Type"] == "Seq Scan": seq.add(n["Relation Name"])
    for c in n.get("Plans", []): walk(c)
walk(plan["Plan"])
print("  %-34s %8.2f ms   index: %-60s seq scan: %s" % (sys.argv[1], plan["Execution Time"], ",".join(sorted(idx)) or "-", ",".join(sorted(seq)) or "-"))
' "$label"
}

due=$(date -u -d "$today + 30 days" +%F)
READY_NOW="p.status = 'READY_TO_SCHEDULE' and p.approved_visits > p.visits_used and (p.eligible_from is null or p.eligible_from <= date '$today') and p.valid_to >= date '$today'"
READY_LATER="p.status = 'READY_TO_SCHEDULE' and p.approved_visits > p.visits_used and p.eligible_from > date '$today' and p.eligible_from <= p.valid_to"
worklists() {
    explain "ready-to-schedule (eligible today)" "select p.* from treatment_plan p where $READY_NOW order by p.referral_id offset 0 rows fetch first 51 rows only"
    explain "ready-to-schedule (eligible later)" "select p.* from treatment_plan p where $READY_LATER order by p.eligible_from, p.referral_id offset 0 rows fetch first 51 rows only"
    explain "due (eligible later)" "select p.* from treatment_plan p where $READY_LATER and p.eligible_from <= date '$due' order by p.eligible_from, p.referral_id offset 0 rows fetch first 51 rows only"
}
# A treated plan (i = 7: one treatment) and its treatment date: the completion's date is 30 days later.
probe=$(psql -X -t -A -c "select referral_id, patient_first_name, patient_last_name, patient_date_of_birth, last_treatment_date + 30 from treatment_plan where referral_id = md5('plan:7')::uuid")
IFS='|' read -r R FIRST LAST BORN DAY <<<"$probe"
DOSES="select a.clinic_date, a.units_administered from appointment a, treatment_plan p where p.referral_id = a.referral_id and a.status = 'FULFILLED' and a.clinic_date between date '$DAY' - 84 and date '$DAY'"
NAMED_AS_GIVEN="(%s.patient_date_of_birth = date '$BORN' and lower(%s.patient_last_name) = lower('$LAST') and lower(%s.patient_first_name) = lower('$FIRST'))"
named() { printf "$NAMED_AS_GIVEN" "$1" "$1" "$1"; }
alike() { echo "($1.patient_date_of_birth = $2.patient_date_of_birth and lower($1.patient_last_name) = lower($2.patient_last_name) and lower($1.patient_first_name) = lower($2.patient_first_name))"; }

echo
echo "BEFORE (schema V3, no patient ids)"
worklists
explain "dose history by name (a completion)" "$DOSES and (p.referral_id = '$R' or $(named p))"

echo
start=$(date +%s.%N)
sql -f "$MIGRATIONS"/V5__*.sql
echo "migration V5 on $N plans: $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"
start=$(date +%s.%N)
sql <<'SQL'
-- 70 % of the plans accepted with a patient id, about 1.3 plans per patient.
update treatment_plan set patient_id = md5('patient:' || (('x' || substr(md5(referral_id::text), 1, 8))::bit(32)::int & 2147483647) % 540000)::uuid
 where ('x' || substr(md5(referral_id::text || 'id'), 1, 2))::bit(8)::int < 179;
update treatment_plan p set indication_last_treatment_date = g.latest
  from (select patient_id, indication, max(last_treatment_date) latest from treatment_plan where patient_id is not null group by 1, 2) g
 where p.patient_id = g.patient_id and p.indication = g.indication;
vacuum (analyze) treatment_plan;
SQL
echo "patient ids given to $(psql -X -t -A -c "select count(*) from treatment_plan where patient_id is not null") plans ($(psql -X -t -A -c "select count(distinct patient_id) from treatment_plan") patients) in $(echo "$(date +%s.%N) - $start" | bc | xargs printf '%.1f') s"

P=$(psql -X -t -A -c "select patient_id from treatment_plan where patient_id is not null and last_treatment_date is not null order by patient_id limit 1")
RP=$(psql -X -t -A -c "select referral_id from treatment_plan where patient_id = '$P' limit 1")
RL=$(psql -X -t -A -c "select referral_id from treatment_plan where patient_id is null and last_treatment_date is not null order by referral_id limit 1")
# The completion's dose history as AppointmentRepository.dosesGiven sends it: the patient's referrals (CTE), then their
# fulfilled appointments in the window. same_patient <own referral> <extra branch>
same_patient() { echo "same_patient (referral_id) as (select cast('$1' as uuid) union select t.referral_id from treatment_plan t where t.patient_id in (select patient_id from patients) union select t.referral_id from treatment_plan q join treatment_plan t on $(alike t q) and t.patient_id is null where q.patient_id in (select patient_id from patients)$2)"; }
DOSES_OF="select a.clinic_date, a.units_administered from appointment a where a.referral_id in (select referral_id from same_patient) and a.status = 'FULFILLED' and a.clinic_date between date '$DAY' - 84 and date '$DAY'"
probe=$(psql -X -t -A -c "select patient_first_name, patient_last_name, patient_date_of_birth from treatment_plan where referral_id = '$RL'")
IFS='|' read -r FIRST LAST BORN <<<"$probe"
NAMED_AS_GIVEN="(%s.patient_date_of_birth = date '$BORN' and lower(%s.patient_last_name) = lower('$LAST') and lower(%s.patient_first_name) = lower('$FIRST'))"
NAME_KEY="lower(patient_first_name) || '|' || lower(patient_last_name) || '|' || patient_date_of_birth"

echo
echo "AFTER (schema V5, 70 % of plans with a patient id)"
worklists
explain "dose history by patient id" "with patients (patient_id) as (select cast('$P' as uuid)), $(same_patient "$RP" "") $DOSES_OF"
explain "dose history by name (no patient id)" "with named as (select referral_id, patient_id from treatment_plan where $(named treatment_plan)), patients as (select distinct patient_id from named where patient_id is not null), $(same_patient "$RL" " union select referral_id from named") $DOSES_OF"
explain "patient's turn (with an id)" "select count(pg_advisory_xact_lock(8400, turns.k)) from (select distinct hashtext(key) as k from (select 'patient|' || id as key from unnest(cast('{$P}' as uuid[])) as id union all select $NAME_KEY from treatment_plan where patient_id = any(cast('{$P}' as uuid[]))) keys where key is not null order by k) turns"
explain "patients named like a plan" "select distinct q.patient_id from treatment_plan p, treatment_plan q where p.referral_id = '$RL' and q.patient_id is not null and $(alike q p) order by q.patient_id"
explain "cadence refresh of one patient" "update treatment_plan p set indication_last_treatment_date = latest.treated from (select indication, max(last_treatment_date) as treated from treatment_plan where patient_id = '$P' group by indication) latest where p.patient_id = '$P' and p.indication = latest.indication and p.indication_last_treatment_date is distinct from latest.treated"
