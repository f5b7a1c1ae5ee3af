#!/usr/bin/env bash
# Measures the hand-overs of the event spine on a running stack (./clinic up -d):
#   accept  -> the authorization case is visible in insurance-service
#   approve -> the treatment plan is READY_TO_SCHEDULE in scheduling-service
# Usage: bench/spine-latency.sh [tries]   (default 20). Needs curl and jq.
set -euo pipefail
cd "$(dirname "$0")/.."
tries=${1:-20}
command -v jq >/dev/null || { echo "jq is required (apt-get install jq)" >&2; exit 2; }

referral=${REFERRAL_URL:-http://localhost:8081}
insurance=${INSURANCE_URL:-http://localhost:8082}
scheduling=${SCHEDULING_URL:-http://localhost:8083}
partner=$(./clinic token partner --partner bench-pcp)
intake=$(./clinic token intake)
auths=$(./clinic token authorizations)
sched=$(./clinic token scheduler)

now_ms() { date +%s%3N; }

# Polls a URL every 10 ms until the jq filter prints "true"; prints the elapsed milliseconds.
await_true() {
    local url=$1 token=$2 filter=$3 start=$4
    for _ in $(seq 1 1000); do
        if [ "$(curl -s "$url" -H "Authorization: Bearer $token" | jq -r "$filter" 2>/dev/null)" = "true" ]; then
            echo $(( $(now_ms) - start ))
            return
        fi
        sleep 0.01
    done
    echo "timeout waiting for $url" >&2
    exit 1
}

accept_ms=() approve_ms=()
for i in $(seq 1 "$tries"); do
    body=$(jq --arg id "BENCH-$(date +%s%N)-$i" '.externalReferralId = $id' contracts/examples/referral-submission.json)
    ref=$(curl -sf -X POST "$referral/api/referrals" -H "Authorization: Bearer $partner" \
        -H 'Content-Type: application/json' -d "$body" | jq -r .id)
    start=$(now_ms)
    curl -sf -o /dev/null -X POST "$referral/api/referrals/$ref/accept" -H "Authorization: Bearer $intake"
    accept_ms+=("$(await_true "$insurance/api/authorizations?referralId=$ref" "$auths" '.items | length == 1' "$start")")

    case_id=$(curl -s "$insurance/api/authorizations?referralId=$ref" -H "Authorization: Bearer $auths" | jq -r '.items[0].id')
    # The example referral proves every checklist item but the specialist prescriber, which staff confirm.
    curl -sf -o /dev/null -X PUT "$insurance/api/authorizations/$case_id/requirements/SPECIALIST_PRESCRIBER" \
        -H "Authorization: Bearer $auths" -H 'Content-Type: application/json' -d '{"met":true,"note":"clinic neurologist"}'
    curl -sf -o /dev/null -X POST "$insurance/api/authorizations/$case_id/submit" -H "Authorization: Bearer $auths" \
        -H 'Content-Type: application/json' -d '{"channel":"PORTAL","expedited":false}'
    start=$(now_ms)
    curl -sf -o /dev/null -X POST "$insurance/api/authorizations/$case_id/decision" -H "Authorization: Bearer $auths" \
        -H 'Content-Type: application/json' \
        -d '{"outcome":"APPROVED","authorizationNumber":"B-'"$i"'","approvedUnits":310,"approvedVisits":2,"validFrom":"2026-12-01","validTo":"2027-05-31"}'
    approve_ms+=("$(await_true "$scheduling/api/treatment-plans/$ref" "$sched" '.status == "READY_TO_SCHEDULE"' "$start")")
    printf 'try %2d: accept->case %4d ms, approve->ready %4d ms\n' "$i" "${accept_ms[-1]}" "${approve_ms[-1]}"
done

stats() {
    sort -n | awk '{ v[NR] = $1 } END {
        printf "median %d ms, p90 %d ms, min %d ms, max %d ms (n=%d)\n", v[int((NR + 1) / 2)], v[int(NR * 0.9 + 0.5)], v[1], v[NR], NR }'
}
echo
echo "accept -> case visible in insurance-service:   $(printf '%s\n' "${accept_ms[@]}" | stats)"
echo "approve -> plan READY_TO_SCHEDULE:             $(printf '%s\n' "${approve_ms[@]}" | stats)"
