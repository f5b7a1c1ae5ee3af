#!/usr/bin/env bash
# What the waitlist adds to a cancellation. On a running stack (./clinic up -d), two full clinic days far ahead, each
# with K booked appointments, are emptied one cancellation at a time, alternating between them:
#   day A: nobody waits for it (what a cancellation cost before the waitlist, plus one indexed look-up);
#   day B: W patients wait for it whom the dose limit excludes, ahead of one patient every rule lets in. That is the
#          slowest path: every booking rule passes for each of them and each patient's dose history is read, inside
#          the cancelling transaction (the first cancellation offers the time to the last patient, the later ones find
#          that patient holding the offer and offer nothing, having looked at all W + 1).
# Prints p50 / p99 / max of each day's cancellations (curl time_total, one request at a time), the offers made and the
# patients each offer skipped.
# At most clinic.waitlist.candidates-per-day (CLINIC_WAITLIST_CANDIDATES_PER_DAY, 200) waiting patients are looked at per
# freed day, so with the default W = 199 the eligible patient is the last one looked at; with W >= 200 nobody is offered.
# Usage: bench/waitlist.sh [waiting W (199)] [cancellations K (20)]   (honours CLINIC_PORT_OFFSET; needs curl, jq, psql)
# Writes plans, clinic days, appointments and waitlist rows into the stack's scheduling database (one run's rows carry
# their own names; nothing is removed).
set -euo pipefail
cd "$(dirname "$0")/.."
W=${1:-199}
K=${2:-20}
offset=${CLINIC_PORT_OFFSET:-0}
scheduling=http://127.0.0.1:$((8083 + offset))
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-$((55432 + offset))}
for tool in curl jq psql; do command -v $tool >/dev/null || { echo "$tool is required" >&2; exit 2; }; done
((K <= 24)) || { echo "at most 24 cancellations (the default day has 2 chairs x 12 half hours)" >&2; exit 2; }

token=$(./clinic token scheduler --ttl 1)
psql_as() { local db=$1; shift; PGPASSWORD="${db}_owner" psql -X -q -t -A -v ON_ERROR_STOP=1 -U "${db}_owner" -d "$db" "$@"; }
api() {  # api <method> <path> [body]: prints the body, fails on a status >= 400
    local out
    out=$(curl -s -X "$1" "$scheduling$2" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
        ${3:+-d "$3"} -w '\n%{http_code}')
    local code=${out##*$'\n'}
    ((code < 400)) || { echo "$1 $2 answered $code: ${out%$'\n'*}" >&2; exit 1; }
    printf '%s' "${out%$'\n'*}"
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stats() {  # p50 p99 max count of the seconds in a file, in milliseconds
    sort -g "$1" | awk '{ v[NR] = $1 * 1000 } END {
        if (NR == 0) { print "- - - 0"; exit }
        i50 = int(NR * 0.50 + 0.999999); i99 = int(NR * 0.99 + 0.999999);
        printf "%.1f %.1f %.1f %d\n", v[i50], v[i99], v[NR], NR }'
}

# two fresh days that are no clinic day yet, 200-350 days ahead
fresh_day() {
    local d
    while :; do
        d=$(date -u -d "+$((200 + RANDOM % 150)) days" +%F)
        [[ -z $(psql_as scheduling -c "select 1 from clinic_day where date = '$d'") && $d != "${1:-}" ]] && { echo "$d"; return; }
    done
}
day_a=$(fresh_day)
day_b=$(fresh_day "$day_a")
valid_to=$(date -u -d '+400 days' +%F)
run="Bench-$(date -u +%s)-$RANDOM"

# plans, as the approval events would have left them: K per day to fill it, W dose-limited waiters and one eligible
plans() {  # plans <count> <tag>: inserts and prints the referral ids
    psql_as scheduling -c "
        insert into treatment_plan (referral_id, patient_first_name, patient_last_name, patient_date_of_birth,
            patient_sex, indication, authorization_id, authorization_number, valid_from, valid_to, approved_visits,
            approved_units, status, created_at, updated_at, patient_id)
        select gen_random_uuid(), 'Bench', '$run-$2-' || g, date '1980-01-01' + g, 'female', 'CHRONIC_MIGRAINE',
               gen_random_uuid(), 'AUTH-BENCH', current_date, date '$valid_to', 2, 310, 'READY_TO_SCHEDULE', now(), now(),
               gen_random_uuid()
          from generate_series(1, $1) g
        returning referral_id"
}
plans "$K" a >"$tmp/a.plans"
plans "$K" b >"$tmp/b.plans"
plans "$W" dose >"$tmp/dose.plans"
plans 1 eligible >"$tmp/eligible.plans"

# each dose-limited waiter was given 400 U 30 days before day B (on a closed day, on its own referral)
given=$(date -u -d "$day_b -30 days" +%F)
psql_as scheduling -c "
    insert into clinic_day (date, status, capacity_minutes, origin, closed_reason, created_at, updated_at)
    values ('$given', 'CLOSED', 0, 'STAFF', 'bench dose history', now(), now()) on conflict (date) do nothing;
    insert into appointment (id, referral_id, clinic_date, duration_minutes, status, units_administered, units_wasted,
                             created_at, updated_at, start_time, chair, provider_id)
    select gen_random_uuid(), referral_id, '$given', 30, 'FULFILLED', 400, 0, now(), now(), time '09:00', 'chair-1',
           'injector-1'
      from treatment_plan where patient_last_name like '$run-dose-%'" >/dev/null

echo "days: A $day_a (nobody waits), B $day_b ($W dose-limited patients and 1 eligible wait); $K appointments each"
for d in "$day_a" "$day_b"; do
    api POST /api/clinic-days "{\"date\":\"$d\",\"capacityMinutes\":$((K * 30))}" >/dev/null
done
book() {  # book <plans file> <day> <appointments file>
    : >"$3"
    while read -r referral; do
        api POST /api/appointments "{\"referralId\":\"$referral\",\"date\":\"$2\"}" | jq -r .id >>"$3"
    done <"$1"
}
book "$tmp/a.plans" "$day_a" "$tmp/a.appointments"
book "$tmp/b.plans" "$day_b" "$tmp/b.appointments"
while read -r referral; do
    api POST /api/waitlist "{\"referralId\":\"$referral\",\"earliestDate\":\"$day_b\",\"latestDate\":\"$day_b\"}" >/dev/null
done < <(cat "$tmp/dose.plans" "$tmp/eligible.plans")

cancel() {  # cancel <appointment id> <times file>
    curl -s -o /dev/null -X POST "$scheduling/api/appointments/$1/cancel" -H "Authorization: Bearer $token" \
        -H 'Content-Type: application/json' -d '{"reason":"bench","by":"PATIENT"}' -w '%{http_code} %{time_total}\n' \
        | awk -v f="$2" '$1 != 200 { print "cancel answered " $1 > "/dev/stderr"; exit 1 } { print $2 >> f }'
}
: >"$tmp/a.times"
: >"$tmp/b.times"
paste -d ' ' "$tmp/a.appointments" "$tmp/b.appointments" | while read -r a b; do
    cancel "$a" "$tmp/a.times"
    cancel "$b" "$tmp/b.times"
done

offers=$(api GET "/api/waitlist/offers?date=$day_b&limit=500")
printf '%-44s %8s %8s %8s %6s\n' "cancellation (ms)" p50 p99 max n
printf '%-44s %8s %8s %8s %6s\n' "A: nobody waiting" $(stats "$tmp/a.times")
printf '%-44s %8s %8s %8s %6s\n' "B: $((W + 1)) waiting, $W excluded by DOSE_LIMIT" $(stats "$tmp/b.times")
echo "offers on B: $(jq '.items | length' <<<"$offers"), to the eligible patient: \
$(jq --arg r "$(cat "$tmp/eligible.plans")" '[.items[] | select(.referralId == $r)] | length' <<<"$offers"), \
patients skipped by the first: $(jq '.items[0].skipped // [] | length' <<<"$offers") \
(rules: $(jq -c '[.items[0].skipped // [] | .[].rule] | group_by(.) | map({(.[0]): length}) | add' <<<"$offers"))"
