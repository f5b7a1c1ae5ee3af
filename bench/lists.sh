#!/usr/bin/env bash
# Measures the work lists of a running, seeded stack (./clinic up -d, then bench/seed.sh N) over HTTP and shows how
# PostgreSQL answers the SQL behind each one.
#   1. per list: p50 / p99 / max over R requests (default 200), one keep-alive connection, page size 50, latency as
#      curl measures it (time_total: request sent to last byte received); deep paging follows `next` R pages in.
#   2. per list: EXPLAIN (ANALYZE, BUFFERS) of the SQL the repository issues for that page (written out below from
#      ReferralRepository.queue, AuthorizationCaseRepository.queue, TreatmentPlanRepository.readyToSchedule (its two
#      runs: plans eligible today, then later ones) / authorizationEnding, AppointmentRepository.unresolvedNoShows and
#      the booked chair time ClinicDayService.firstWithRoom reads for a page's suggestions, as Hibernate renders them,
#      with the values bound): execution time, indexes used, rows read and thrown away, buffers.
# Usage: bench/lists.sh [requests]          (honours CLINIC_PORT_OFFSET; needs curl, jq, psql)
# Each page also writes one audit row per item it shows (the services audit every read; one multi-row insert per
# page), so runs grow audit_entry.
set -euo pipefail
cd "$(dirname "$0")/.."
R=${1:-200}
LIMIT=50
offset=${CLINIC_PORT_OFFSET:-0}
referral=http://127.0.0.1:$((8081 + offset))
insurance=http://127.0.0.1:$((8082 + offset))
scheduling=http://127.0.0.1:$((8083 + offset))
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-$((55432 + offset))}
for tool in curl jq psql; do command -v $tool >/dev/null || { echo "$tool is required" >&2; exit 2; }; done

t_intake=$(./clinic token intake --ttl 1)
t_partner=$(./clinic token partner --partner pcp-001 --ttl 1)
t_auth=$(./clinic token authorizations --ttl 1)
t_sched=$(./clinic token scheduler --ttl 1)
psql_as() { local db=$1; shift; PGPASSWORD="${db}_owner" psql -X -q -v ON_ERROR_STOP=1 -U "${db}_owner" -d "$db" "$@"; }

today=$(date -u +%F)
from90=$(date -u -d '-90 days' +%F)
now=$(date -u +%FT%TZ)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# percentiles of the seconds in a file (one a line), printed in milliseconds: p50 p99 max count
stats() {
    sort -g "$1" | awk '{ v[NR] = $1 * 1000 } END {
        if (NR == 0) { print "- - - 0"; exit }
        i50 = int(NR * 0.50 + 0.999999); i99 = int(NR * 0.99 + 0.999999);
        printf "%.1f %.1f %.1f %d\n", v[i50], v[i99], v[NR], NR }'
}

# the same URL R times over one keep-alive connection; the status of every answer must be 200
same_page() {  # same_page <name> <token> <url>
    local name=$1 token=$2 url=$3 cfg="$tmp/$1.curl"
    : >"$cfg"
    for _ in $(seq 1 $((R + 10))); do printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$cfg"; done
    curl -s -K "$cfg" -H "Authorization: Bearer $token" -w '%{http_code} %{time_total}\n' >"$tmp/$name.raw"
    if grep -qv '^200 ' "$tmp/$name.raw"; then
        echo "$name: not every answer was 200: $(grep -v '^200 ' "$tmp/$name.raw" | sort | uniq -c | head -3)" >&2
    fi
    tail -n "$R" "$tmp/$name.raw" | awk '{ print $2 }' >"$tmp/$name.times"   # the first 10 warm up
}

# follows `next` from the first page for R pages, timing each page
deep_pages() {  # deep_pages <name> <token> <base url with ?...>
    local name=$1 token=$2 base=$3 cursor="" url out
    : >"$tmp/$name.times"
    for _ in $(seq 1 "$R"); do
        url="$base"; [ -n "$cursor" ] && url="$base&cursor=$cursor"
        out=$(curl -s -H "Authorization: Bearer $token" -w '\n%{http_code} %{time_total}' "$url")
        tail -n 1 <<<"$out" | awk '$1 == 200 { print $2 }' >>"$tmp/$name.times"
        cursor=$(head -n -1 <<<"$out" | jq -r '.next // empty | @uri')
        [ -n "$cursor" ] || break
    done
    echo "$cursor" >"$tmp/$name.cursor"
}

echo "measuring $R requests per list (page size $LIMIT)..."
same_page intake-first "$t_intake" "$referral/api/referrals?limit=$LIMIT"
same_page intake-received "$t_intake" "$referral/api/referrals?status=RECEIVED&limit=$LIMIT"
same_page intake-filtered "$t_intake" "$referral/api/referrals?indication=CERVICAL_DYSTONIA&triage=NEEDS_REVIEW&receivedFrom=$from90&limit=$LIMIT"
same_page partner-own "$t_partner" "$referral/api/referrals?limit=$LIMIT"
deep_pages intake-deep "$t_intake" "$referral/api/referrals?limit=$LIMIT"
same_page auth-queue "$t_auth" "$insurance/api/authorizations?limit=$LIMIT"
same_page auth-overdue "$t_auth" "$insurance/api/authorizations?overdue=true&limit=$LIMIT"
same_page auth-payer "$t_auth" "$insurance/api/authorizations?status=SUBMITTED&payerId=AETNA&limit=$LIMIT"
deep_pages auth-deep "$t_auth" "$insurance/api/authorizations?limit=$LIMIT"
for kind in ready-to-schedule due no-shows authorization-ending non-responders; do
    same_page "wl-$kind" "$t_sched" "$scheduling/api/worklist?kind=$kind&limit=$LIMIT"
done

# ---- the SQL behind each list, as the repositories issue it ----
declare -A SQL DB
DB[intake-first]=referral
SQL[intake-first]="select r1_0.* from referral r1_0 order by r1_0.urgency_rank, r1_0.created_at, r1_0.id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[intake-received]=referral
SQL[intake-received]="select r1_0.* from referral r1_0 where r1_0.status = 'RECEIVED' order by r1_0.urgency_rank, r1_0.created_at, r1_0.id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[intake-filtered]=referral
SQL[intake-filtered]="select r1_0.* from referral r1_0 where r1_0.indication = 'CERVICAL_DYSTONIA' and r1_0.triage_outcome = 'NEEDS_REVIEW' and r1_0.created_at >= timestamptz '$from90' order by r1_0.urgency_rank, r1_0.created_at, r1_0.id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[partner-own]=referral
SQL[partner-own]="select r1_0.* from referral r1_0 where r1_0.partner_id = 'pcp-001' order by r1_0.urgency_rank, r1_0.created_at, r1_0.id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[intake-deep]=referral
# the keyset condition at the depth the deep paging reached: the row at that position in the queue
deep_ref=$(psql_as referral -tAF' ' -c "select urgency_rank, created_at, id from referral order by urgency_rank, created_at, id offset $((R * LIMIT - 1)) limit 1" 2>/dev/null || true)
read -r d_rank d_date d_time d_id <<<"$deep_ref"
SQL[intake-deep]="select r1_0.* from referral r1_0 where (r1_0.urgency_rank, r1_0.created_at, r1_0.id) > (${d_rank:-0}, '${d_date} ${d_time}', '${d_id:-00000000-0000-0000-0000-000000000000}') order by r1_0.urgency_rank, r1_0.created_at, r1_0.id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[auth-queue]=insurance
SQL[auth-queue]="select a1_0.* from authorization_case a1_0 order by a1_0.queue_rank, a1_0.queue_at, a1_0.id fetch first $((LIMIT + 1)) rows only"
DB[auth-overdue]=insurance
SQL[auth-overdue]="select a1_0.* from authorization_case a1_0 where a1_0.queue_at < timestamptz '$now' and a1_0.queue_rank = 0 order by a1_0.queue_rank, a1_0.queue_at, a1_0.id fetch first $((LIMIT + 1)) rows only"
DB[auth-payer]=insurance
SQL[auth-payer]="select a1_0.* from authorization_case a1_0 where a1_0.status in ('SUBMITTED') and a1_0.payer_id = 'AETNA' and a1_0.queue_rank = 0 order by a1_0.queue_rank, a1_0.queue_at, a1_0.id fetch first $((LIMIT + 1)) rows only"
DB[auth-deep]=insurance
deep_auth=$(psql_as insurance -tAF' ' -c "select queue_rank, queue_at, id from authorization_case order by queue_rank, queue_at, id offset $((R * LIMIT - 1)) limit 1" 2>/dev/null || true)
read -r a_rank a_date a_time a_id <<<"$deep_auth"
SQL[auth-deep]="select a1_0.* from authorization_case a1_0 where (a1_0.queue_rank, a1_0.queue_at, a1_0.id) > (${a_rank:-0}, '${a_date} ${a_time}', '${a_id:-00000000-0000-0000-0000-000000000000}') order by a1_0.queue_rank, a1_0.queue_at, a1_0.id fetch first $((LIMIT + 1)) rows only"
due=$(date -u -d '+30 days' +%F)
# ready-to-schedule and due: first the plans eligible today (by referral), then, if the page is not full, the later ones
READY_NOW="p.status = 'READY_TO_SCHEDULE' and p.approved_visits > p.visits_used and (p.eligible_from is null or p.eligible_from <= date '$today') and p.valid_to >= date '$today'"
READY_LATER="p.status = 'READY_TO_SCHEDULE' and p.approved_visits > p.visits_used and p.eligible_from > date '$today' and p.eligible_from <= p.valid_to"
DB[wl-ready-to-schedule]=scheduling
SQL[wl-ready-to-schedule]="select p.* from treatment_plan p where $READY_NOW order by p.referral_id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[wl-ready-later]=scheduling
SQL[wl-ready-later]="select p.* from treatment_plan p where $READY_LATER order by p.eligible_from, p.referral_id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[wl-due]=scheduling
SQL[wl-due]="select p.* from treatment_plan p where $READY_NOW order by p.referral_id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[wl-due-later]=scheduling
SQL[wl-due-later]="select p.* from treatment_plan p where $READY_LATER and p.eligible_from <= date '$due' order by p.eligible_from, p.referral_id offset 0 rows fetch first $((LIMIT + 1)) rows only"
# a page's clinic-day suggestions: the open days of the page's range, then the booked chair time a week at a time
DB[wl-booked-days]=scheduling
SQL[wl-booked-days]="select a1_0.clinic_date, sum(a1_0.duration_minutes), count(*) from appointment a1_0 where a1_0.clinic_date between date '$today' and date '$today' + 6 and a1_0.status in ('BOOKED', 'CHECKED_IN', 'FULFILLED', 'NOSHOW') group by a1_0.clinic_date"
DB[wl-no-shows]=scheduling
SQL[wl-no-shows]="select a1_0.* from appointment a1_0, treatment_plan t1_0 where t1_0.referral_id = a1_0.referral_id and a1_0.status = 'NOSHOW' and t1_0.status <> 'CANCELLED' and not exists (select b1_0.id from appointment b1_0 where b1_0.referral_id = a1_0.referral_id and b1_0.status in ('BOOKED', 'CHECKED_IN', 'FULFILLED') and b1_0.clinic_date > a1_0.clinic_date) order by a1_0.clinic_date, a1_0.id offset 0 rows fetch first $((LIMIT + 1)) rows only"
DB[wl-authorization-ending]=scheduling
SQL[wl-authorization-ending]="select t1_0.* from treatment_plan t1_0 where t1_0.status in ('READY_TO_SCHEDULE', 'SCHEDULED') and t1_0.approved_visits > t1_0.visits_used and t1_0.valid_to between date '$today' and date '$(date -u -d '+45 days' +%F)' order by t1_0.valid_to, t1_0.referral_id offset 0 rows fetch first $((LIMIT + 1)) rows only"

DB[wl-non-responders]=scheduling
SQL[wl-non-responders]="select t1_0.* from treatment_plan t1_0 where t1_0.improvement_after_second_treatment < ${CLINIC_OUTCOMES_NON_RESPONDER_BELOW_PERCENT:-30} and t1_0.status <> 'CANCELLED' order by t1_0.improvement_after_second_treatment, t1_0.referral_id offset 0 rows fetch first $((LIMIT + 1)) rows only"

# one line summary of an EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON): ms, indexes, scans, rows removed, buffers
explain() {  # explain <db> <sql>
    psql_as "$1" -tA -c "explain (analyze, buffers, format json) $2" | jq -r '
        .[0] as $e
        | [$e.Plan | .. | objects | select(has("Node Type"))] as $nodes
        | ($nodes | map(select(."Index Name") | ."Index Name") | unique) as $idx
        | ($nodes | map(select(."Node Type" | test("Seq Scan")) | ."Relation Name") | unique) as $seq
        | ($nodes | map((."Rows Removed by Filter" // 0) * (."Actual Loops" // 1)) | add) as $removed
        | [($e."Execution Time" | tostring),
           (if ($idx | length) > 0 then ($idx | join("+")) else "-" end),
           (if ($seq | length) > 0 then ($seq | join("+")) else "-" end),
           ($nodes | map(select(."Node Type" == "Sort") | ."Sort Method") | first // "-"),
           ($removed | tostring),
           (($e.Plan."Shared Hit Blocks" + $e.Plan."Shared Read Blocks") | tostring)] | join("\t")'
}

names=(intake-first intake-received intake-filtered partner-own intake-deep auth-queue auth-overdue auth-payer auth-deep
       wl-ready-to-schedule wl-ready-later wl-due wl-due-later wl-booked-days wl-no-shows wl-authorization-ending
       wl-non-responders)
: >"$tmp/wl-ready-later.times"; : >"$tmp/wl-due-later.times"; : >"$tmp/wl-booked-days.times"   # SQL only (part of a list)
printf '\n%-24s %8s %8s %8s %5s | %9s %-40s %-18s %-16s %10s %8s\n' list p50_ms p99_ms max_ms n sql_ms index_used seq_scan sort rows_removed buffers
for n in "${names[@]}"; do
    read -r p50 p99 max cnt < <(stats "$tmp/$n.times")
    IFS=$'\t' read -r ms idx seq sort removed buf < <(explain "${DB[$n]}" "${SQL[$n]}" 2>/dev/null || printf 'err\t-\t-\t-\t-\t-\n')
    printf '%-24s %8s %8s %8s %5s | %9s %-40s %-18s %-16s %10s %8s\n' "$n" "$p50" "$p99" "$max" "$cnt" "$ms" "$idx" "$seq" "${sort:--}" "$removed" "$buf"
done
echo
echo "deep paging reached: intake page $(wc -l <"$tmp/intake-deep.times") (row $(( $(wc -l <"$tmp/intake-deep.times") * LIMIT ))), authorization queue page $(wc -l <"$tmp/auth-deep.times")"
echo "sql_ms: EXPLAIN ANALYZE execution time of the list's main query alone (per-row queries and audit inserts of the page not included)"
if [ -n "${LISTS_EXPLAIN_FULL:-}" ]; then
    for n in "${names[@]}"; do
        echo; echo "=== $n (${DB[$n]})"; echo "${SQL[$n]}"
        psql_as "${DB[$n]}" -c "explain (analyze, buffers) ${SQL[$n]}"
    done
fi
