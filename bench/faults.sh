#!/usr/bin/env bash
# The fault suite (issue 9): the three packaged services on the local stack's real PostgreSQL and Kafka, each
# scenario a fault an operator will meet, one line of figures per scenario, counted in the services' own databases.
#   broker-hung     Kafka paused (SIGSTOP) while referrals are submitted and accepted, then resumed (SIGCONT)
#   broker-killed   Kafka killed (SIGKILL) while referrals are submitted and accepted, then started again
#   db-refused      insurance's login refused and its connections cut while accepted referrals arrive for it
#   kill-9          each service killed (SIGKILL) in the middle of a stream of referrals, then started again
#   restart         each service stopped gracefully (./clinic stop: SIGTERM, a consumer's record in hand left to the
#                   inbox) in the middle of a stream of referrals, then started again
#   replicas        a second process of each service (another port, same database); calls alternate between them
#   replay          every service reads every topic again from offset 0, under a fresh consumer group
# Expected everywhere: nothing lost (a case and a plan for every accepted referral), nothing doubled, no dead letter.
# The suite runs its own stack (CLINIC_HOME=.clinic-faults, ports shifted by 2000, clear of a developer's API and
# management ports) beside a developer's, starts and
# stops it itself, and exits 1 if any scenario misses its figures.
#
# Usage: bench/faults.sh                 (the issue's figures; about 11 minutes)
#        FAULTS_OUTAGE_SECONDS=15 FAULTS_REFERRALS=40 bench/faults.sh      (a quick run)
# Environment: FAULTS_OUTAGE_SECONDS (60), FAULTS_REFERRALS (200, broker scenarios), FAULTS_DB_EVENTS (50),
#   FAULTS_STREAM (60, kill-9, restart and replicas), FAULTS_DRAIN_TIMEOUT (180 s), FAULTS_SCENARIOS (all, space-separated),
#   FAULTS_PORT_OFFSET (2000), FAULTS_HOME (.clinic-faults; wiped at the start).
# Needs the packaged services and local stack (./mvnw -o -DskipTests package), curl, jq and psql.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"

OUTAGE=${FAULTS_OUTAGE_SECONDS:-60}
REFERRALS=${FAULTS_REFERRALS:-200}
DB_EVENTS=${FAULTS_DB_EVENTS:-50}
STREAM=${FAULTS_STREAM:-60}
DRAIN_TIMEOUT=${FAULTS_DRAIN_TIMEOUT:-180}
SCENARIOS=${FAULTS_SCENARIOS:-broker-hung broker-killed db-refused kill-9 restart replicas replay}
export CLINIC_HOME="${FAULTS_HOME:-$ROOT/.clinic-faults}"
export CLINIC_PORT_OFFSET="${FAULTS_PORT_OFFSET:-2000}"
# Every scenario submits its referrals as one partner: far more than a partner's rate limit allows in production.
export CLINIC_INTAKE_RATE_LIMIT_REQUESTS="${CLINIC_INTAKE_RATE_LIMIT_REQUESTS:-1000000}"
unset CLINIC_PG_HOST CLINIC_KAFKA_BOOTSTRAP

SERVICES=(referral-service insurance-service scheduling-service)
declare -A PORT=([referral-service]=$((8081 + CLINIC_PORT_OFFSET)) [insurance-service]=$((8082 + CLINIC_PORT_OFFSET))
    [scheduling-service]=$((8083 + CLINIC_PORT_OFFSET)))
# Health is served on the management port (the API port + 1000), as ./clinic starts the services.
declare -A MANAGEMENT_PORT=([referral-service]=$((9081 + CLINIC_PORT_OFFSET))
    [insurance-service]=$((9082 + CLINIC_PORT_OFFSET)) [scheduling-service]=$((9083 + CLINIC_PORT_OFFSET)))
declare -A DB=([referral-service]=referral [insurance-service]=insurance [scheduling-service]=scheduling)
# What each service consumes: a fresh group has caught up when it has committed past the end of these.
declare -A CONSUMES=([referral-service]=authorization-events,scheduling-events
    [insurance-service]=referral-events,scheduling-events [scheduling-service]=referral-events,authorization-events)
PG_PORT=$((55432 + CLINIC_PORT_OFFSET))
KAFKA="127.0.0.1:$((59092 + CLINIC_PORT_OFFSET))"
REFERRAL="http://localhost:${PORT[referral-service]}"
WORK="$CLINIC_HOME/faults"
FIGURES_CP="$ROOT/local-stack/target/clinic-local-stack.jar:$ROOT/local-stack/target/lib/*"
BACKGROUND=()   # pids of this script's pollers and replicas, stopped on exit
FAILED=0

log() { printf '    %s\n' "$*" >&2; }

for tool in curl jq psql java; do
    command -v "$tool" >/dev/null || { echo "faults: $tool is required" >&2; exit 2; }
done
for jar in "${SERVICES[@]/%//target/quarkus-app/quarkus-run.jar}" local-stack/target/clinic-local-stack.jar; do
    [[ -f "$jar" ]] || { echo "faults: $jar is missing; build first: ./mvnw -o -DskipTests package" >&2; exit 2; }
done

# --- stack ------------------------------------------------------------------------------------------------------

cleanup() {
    local pid
    for pid in "${BACKGROUND[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    pid="$(cat "$CLINIC_HOME/run/kafka.pid" 2>/dev/null || true)"
    [[ -n "$pid" ]] && kill -CONT "$pid" 2>/dev/null || true
    psql_admin "alter role insurance login" >/dev/null 2>&1 || true
    ./clinic down >"$WORK/down.log" 2>&1 || cat "$WORK/down.log" >&2
}

psql_admin() {
    psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atc "$1"
}

psql_service() {
    PGPASSWORD="${DB[$1]}" psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "${DB[$1]}" -d "${DB[$1]}" -Atc "$2"
}

component_pid() {
    cat "$CLINIC_HOME/run/$1.pid"
}

# A login from the local broker's users file (data/kafka-users.properties, written on the broker's first start).
kafka_password() {
    sed -n "s/^$1=//p" "$CLINIC_HOME/data/kafka-users.properties"
}

figures() {
    KAFKA_ADMIN_PASSWORD="$(kafka_password admin)" java -cp "$FIGURES_CP" "$ROOT/bench/FaultFigures.java" "$@"
}

# --- traffic ----------------------------------------------------------------------------------------------------

TEMPLATE="$(jq -c '.externalReferralId = "__EXTERNAL__"' contracts/examples/referral-submission.json)"

# Submits (retrying the same externalReferralId, which is idempotent, until a 2xx) and prints the referral id.
submit() {
    local external="$1" base="${2:-$REFERRAL}" deadline=$((SECONDS + 120)) id
    while ((SECONDS < deadline)); do
        id="$(curl -s --max-time 10 -X POST "$base/api/referrals" -H "Authorization: Bearer $PARTNER" \
            -H 'Content-Type: application/json' -d "${TEMPLATE/__EXTERNAL__/$external}" | jq -r '.id // empty' 2>/dev/null)" || true
        if [[ -n "$id" ]]; then
            printf '%s' "$id"
            return 0
        fi
        sleep 0.5
    done
    return 1
}

# POSTs a decision until it is answered 200 (accept and cancel are idempotent for a referral already there).
decide() {
    local referral="$1" decision="$2" base="${3:-$REFERRAL}" deadline=$((SECONDS + 120)) code body='{}'
    [[ "$decision" == cancel ]] && body='{"reason":"patient moved away"}'
    while ((SECONDS < deadline)); do
        code="$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -X POST "$base/api/referrals/$referral/$decision" \
            -H "Authorization: Bearer $INTAKE" -H 'Content-Type: application/json' -d "$body")" || true
        [[ "$code" == 200 ]] && return 0
        sleep 0.5
    done
    log "$decision of $referral not answered 200 (last: $code)"
    return 1
}

# Submits and accepts n referrals tagged with the scenario; their ids go to $WORK/<scenario>.ids.
refer_and_accept() {
    local scenario="$1" n="$2" i id
    : >"$WORK/$scenario.ids"
    for ((i = 1; i <= n; i++)); do
        id="$(submit "FAULT-$RUN_ID-$scenario-$i")" || { log "submission $i of $scenario not accepted"; continue; }
        decide "$id" accept && printf '%s\n' "$id" >>"$WORK/$scenario.ids"
    done
}

# --- figures ----------------------------------------------------------------------------------------------------

id_array() {
    printf "'{%s}'::uuid[]" "$(paste -sd, "$1")"
}

# "<referrals with a case> <extra case rows> <referrals with a plan> <extra plan rows>" for the ids in a file.
effects() {
    local ids
    ids="$(id_array "$1")"
    printf '%s %s\n' \
        "$(psql_service insurance-service "select count(distinct referral_id) || ' ' || (count(*) - count(distinct referral_id))
            from authorization_case where previous_case_id is null and referral_id = any($ids)" | tr -d '\n')" \
        "$(psql_service scheduling-service "select count(distinct referral_id) || ' ' || (count(*) - count(distinct referral_id))
            from treatment_plan where referral_id = any($ids)" | tr -d '\n')"
}

# Waits until every referral in the file has its case and plan; prints the seconds it took (or "timeout").
drain() {
    local file="$1" expected started=$SECONDS cases plans
    expected="$(wc -l <"$file")"
    while ((SECONDS - started < DRAIN_TIMEOUT)); do
        read -r cases _ plans _ < <(effects "$file" 2>/dev/null || echo "0 0 0 0")
        if [[ "$cases" == "$expected" && "$plans" == "$expected" ]]; then
            printf '%ss' "$((SECONDS - started))"
            return 0
        fi
        sleep 1
    done
    printf 'timeout'
}

# Polls every service's readiness once a second until killed; each line "<service> <status>".
poll_readiness() {
    local out="$1" name
    : >"$out"
    (
        while true; do
            for name in "${SERVICES[@]}"; do
                printf '%s %s\n' "$name" "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 \
                    "http://localhost:${MANAGEMENT_PORT[$name]}/q/health/ready" || true)" >>"$out"
            done
            sleep 1
        done
    ) &
    POLLER=$!
    BACKGROUND+=("$POLLER")
}

stop_polling() {
    kill -TERM "$POLLER" 2>/dev/null || true
    wait "$POLLER" 2>/dev/null || true
}

# "<non-200 answers>/<polls>" for one service, or all.
readiness() {
    local out="$1" service="${2:-}"
    awk -v s="$service" '(s == "" || $1 == s) { n++; if ($2 != "200") bad++ } END { printf "%d/%d", bad, n }' "$out"
}

# Prints the scenario's line and remembers a miss. Expectations: all referrals have exactly one case and one plan,
# no new dead letter, and (when asked) readiness 200 at every poll.
report() {
    local scenario="$1" ids="$2" dlq_before="$3" ready="$4" drained="$5" require_ready="$6" extra="${7:-}"
    local submitted cases dup_cases plans dup_plans dlq verdict=PASS
    submitted="$(wc -l <"$ids")"
    read -r cases dup_cases plans dup_plans < <(effects "$ids")
    dlq=$(($(figures dead-letters "$KAFKA") - dlq_before))
    if [[ "$cases" != "$submitted" || "$plans" != "$submitted" || "$dup_cases" != 0 || "$dup_plans" != 0 \
        || "$dlq" != 0 || "$drained" == timeout ]]; then
        verdict=FAIL
    fi
    if [[ "$require_ready" == yes && "${ready%%/*}" != 0 ]]; then
        verdict=FAIL
    fi
    [[ "$extra" == *"FAIL"* ]] && verdict=FAIL
    [[ "$verdict" == PASS ]] || FAILED=1
    printf '%-26s submitted %4s  cases %4s  plans %4s  duplicates %s  dead-letters %s  readiness-non200 %s  drain %s%s  %s\n' \
        "$scenario" "$submitted" "$cases" "$plans" "$((dup_cases + dup_plans))" "$dlq" "$ready" "$drained" \
        "${extra:+  ${extra//FAIL/}}" "$verdict"
}

# --- scenarios --------------------------------------------------------------------------------------------------

scenario_broker() {
    local mode="$1" scenario="broker-$1" kafka dlq started drained
    dlq="$(figures dead-letters "$KAFKA")"
    poll_readiness "$WORK/$scenario.ready"
    kafka="$(component_pid kafka)"
    started=$SECONDS
    if [[ "$mode" == hung ]]; then
        kill -STOP "$kafka"
    else
        kill -KILL "$kafka"
    fi
    refer_and_accept "$scenario" "$REFERRALS"
    log "$scenario: $(wc -l <"$WORK/$scenario.ids") referrals accepted in $((SECONDS - started)) s with the broker down"
    while ((SECONDS - started < OUTAGE)); do sleep 1; done
    if [[ "$mode" == hung ]]; then
        kill -CONT "$kafka"
    else
        ./clinic start kafka >"$WORK/$scenario.start.log" 2>&1 || { log "Kafka did not start again"; cat "$WORK/$scenario.start.log" >&2; }
    fi
    drained="$(drain "$WORK/$scenario.ids")"
    stop_polling
    report "$scenario ${OUTAGE}s" "$WORK/$scenario.ids" "$dlq" "$(readiness "$WORK/$scenario.ready")" "$drained" yes
}

scenario_db_refused() {
    local scenario=db-refused ids=() id i dlq started drained
    dlq="$(figures dead-letters "$KAFKA")"
    : >"$WORK/$scenario.ids"
    for ((i = 1; i <= DB_EVENTS; i++)); do
        ids+=("$(submit "FAULT-$RUN_ID-$scenario-$i")")
    done
    poll_readiness "$WORK/$scenario.ready"
    psql_admin "alter role insurance nologin" >/dev/null
    psql_admin "select count(pg_terminate_backend(pid)) from pg_stat_activity where usename = 'insurance'" >/dev/null
    started=$SECONDS
    for id in "${ids[@]}"; do
        decide "$id" accept && printf '%s\n' "$id" >>"$WORK/$scenario.ids"
    done
    while ((SECONDS - started < OUTAGE)); do sleep 1; done
    psql_admin "alter role insurance login" >/dev/null
    drained="$(drain "$WORK/$scenario.ids")"
    stop_polling
    # Readiness is reported, not required: insurance cannot serve its API without its database.
    report "db-refused insurance ${OUTAGE}s" "$WORK/$scenario.ids" "$dlq" \
        "$(readiness "$WORK/$scenario.ready" insurance-service)" "$drained" no
}

# kill: KILL (the process killed) or TERM (./clinic stop, a graceful stop).
scenario_interrupted() {
    local service="$1" kill="$2" name scenario dlq killer drained
    name=$([[ "$kill" == KILL ]] && echo kill-9 || echo restart)
    scenario="$name-$service"
    dlq="$(figures dead-letters "$KAFKA")"
    poll_readiness "$WORK/$scenario.ready"
    : >"$WORK/$scenario.ids"
    # Halfway through the stream the service is stopped and started again, while the stream goes on.
    (
        while (($(wc -l <"$WORK/$scenario.ids") < STREAM / 2)); do sleep 0.05; done
        if [[ "$kill" == KILL ]]; then
            victim="$(component_pid "$service")"
            kill -KILL "$victim"
            # SIGKILL is delivered asynchronously; the port is free only once the process is gone.
            while kill -0 "$victim" 2>/dev/null; do sleep 0.05; done
        else
            ./clinic stop "$service" >"$WORK/$scenario.stop.log" 2>&1
        fi
        ./clinic start "$service" >"$WORK/$scenario.start.log" 2>&1
    ) &
    killer=$!
    refer_and_accept "$scenario" "$STREAM"
    wait "$killer" || log "$service did not start again: $(tail -n 5 "$WORK/$scenario.start.log")"
    drained="$(drain "$WORK/$scenario.ids")"
    stop_polling
    report "$name $service" "$WORK/$scenario.ids" "$dlq" "$(readiness "$WORK/$scenario.ready" "$service")" "$drained" no
}

# A second process of a service, on port + 100 (management port + 100), on the same database and broker, as ./clinic
# starts the first.
start_replica() {
    local name="$1" port=$((${PORT[$1]} + 100)) db="${DB[$1]}"
    DB_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$db" DB_USERNAME="$db" DB_PASSWORD="$db" \
        DB_MIGRATION_USERNAME="${db}_owner" DB_MIGRATION_PASSWORD="${db}_owner" KAFKA_BOOTSTRAP_SERVERS="$KAFKA" \
        KAFKA_USERNAME="$db" KAFKA_PASSWORD="$(kafka_password "$db")" \
        CLINIC_DEV_MODE=true JWT_PUBLIC_KEY_LOCATION="$ROOT/testkit/src/main/resources/dev-jwt/publicKey.pem" \
        JWT_ISSUER=urn:clinic:dev JWT_AUDIENCE=clinic-api JWT_MAX_TOKEN_AGE=86400 \
        QUARKUS_HTTP_PORT="$port" QUARKUS_MANAGEMENT_PORT="$((${MANAGEMENT_PORT[$1]} + 100))" CLINIC_WEBHOOKS_REQUIRE_HTTPS=false CLINIC_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true \
        setsid java ${JAVA_OPTS:-} -jar "$ROOT/$name/target/quarkus-app/quarkus-run.jar" >"$WORK/$name-2.log" 2>&1 </dev/null &
    REPLICAS+=("$!")
    BACKGROUND+=("$!")
}

# $1: the management port.
await_ready() {
    local port="$1" deadline=$((SECONDS + 120))
    until [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://localhost:$port/q/health/ready")" == 200 ]]; do
        ((SECONDS < deadline)) || return 1
        sleep 0.5
    done
}

scenario_replicas() {
    local scenario=replicas dlq name i id bases drained order cancelled=0 closed_cases closed_plans extra
    REPLICAS=()
    dlq="$(figures dead-letters "$KAFKA")"
    for name in "${SERVICES[@]}"; do
        start_replica "$name"
    done
    for name in "${SERVICES[@]}"; do
        await_ready $((${MANAGEMENT_PORT[$name]} + 100)) || log "replica of $name not ready: $(tail -n 5 "$WORK/$name-2.log")"
    done
    poll_readiness "$WORK/$scenario.ready"
    bases=("$REFERRAL" "http://localhost:$((${PORT[referral-service]} + 100))")
    : >"$WORK/$scenario.ids"
    : >"$WORK/$scenario.cancelled"
    # Submit on one replica, accept on the other; every other referral is then cancelled on the first: the
    # ReferralCancelled must reach the topic, and take effect, after the ReferralAccepted.
    for ((i = 1; i <= STREAM; i++)); do
        id="$(submit "FAULT-$RUN_ID-$scenario-$i" "${bases[$((i % 2))]}")" || continue
        decide "$id" accept "${bases[$(((i + 1) % 2))]}" || continue
        printf '%s\n' "$id" >>"$WORK/$scenario.ids"
        if ((i % 2 == 0)) && decide "$id" cancel "${bases[$((i % 2))]}"; then
            printf '%s\n' "$id" >>"$WORK/$scenario.cancelled"
            cancelled=$((cancelled + 1))
        fi
    done
    drained="$(drain "$WORK/$scenario.ids")"
    # The cancellations come after the acceptances; give them the same chance to arrive.
    local deadline=$((SECONDS + DRAIN_TIMEOUT))
    while ((SECONDS < deadline)); do
        closed_cases="$(psql_service insurance-service "select count(*) from authorization_case where status = 'CANCELLED'
            and referral_id = any($(id_array "$WORK/$scenario.cancelled"))")"
        closed_plans="$(psql_service scheduling-service "select count(*) from treatment_plan where status = 'CANCELLED'
            and referral_id = any($(id_array "$WORK/$scenario.cancelled"))")"
        [[ "$closed_cases" == "$cancelled" && "$closed_plans" == "$cancelled" ]] && break
        sleep 1
    done
    stop_polling
    order="$(figures order "$KAFKA" referral-events "$WORK/$scenario.ids")"
    extra="cancelled $cancelled (cases closed $closed_cases, plans closed $closed_plans), referral-events: $order"
    if [[ "$closed_cases" != "$cancelled" || "$closed_plans" != "$cancelled" || "$order" != *"republished 0 reordered 0" ]]; then
        extra="$extra FAIL"
    fi
    for i in "${REPLICAS[@]}"; do
        kill -TERM "$i" 2>/dev/null || true
    done
    for i in "${REPLICAS[@]}"; do
        wait "$i" 2>/dev/null || true
    done
    report "replicas x2" "$WORK/$scenario.ids" "$dlq" "$(readiness "$WORK/$scenario.ready")" "$drained" no "$extra"
}

# Rows that events create in each service; a replay that applies anything a second time grows them.
effect_rows() {
    {
        psql_service referral-service "select count(*) from timeline_entry"
        psql_service referral-service "select count(*) from processed_event"
        psql_service insurance-service "select count(*) from authorization_case"
        psql_service insurance-service "select count(*) from processed_event"
        psql_service scheduling-service "select count(*) from treatment_plan"
        psql_service scheduling-service "select count(*) from processed_event"
    } | paste -sd' '
}

scenario_replay() {
    local scenario=replay dlq before after name group lag deadline all_ids extra=""
    dlq="$(figures dead-letters "$KAFKA")"
    before="$(effect_rows)"
    for name in "${SERVICES[@]}"; do
        group="$name-replay-$RUN_ID"
        MP_MESSAGING_CONNECTOR_SMALLRYE_KAFKA_GROUP_ID="$group" ./clinic restart "$name" >"$WORK/$scenario-$name.log" 2>&1 \
            || log "$name did not restart: $(tail -n 5 "$WORK/$scenario-$name.log")"
    done
    for name in "${SERVICES[@]}"; do
        deadline=$((SECONDS + DRAIN_TIMEOUT))
        until lag="$(figures lag "$KAFKA" "$name-replay-$RUN_ID" "${CONSUMES[$name]}")" && [[ "$lag" == 0 ]]; do
            ((SECONDS < deadline)) || { extra="$name replay lag $lag FAIL"; break; }
            sleep 2
        done
    done
    after="$(effect_rows)"
    [[ "$before" == "$after" ]] || extra="$extra effect rows before [$before] after [$after] FAIL"
    all_ids="$WORK/all.ids"
    cat "$WORK"/*.ids | sort -u >"$all_ids"
    report "replay from offset 0" "$all_ids" "$dlq" "-" - no "rows (timeline, inbox, cases, inbox, plans, inbox) [$after]${extra:+ $extra}"
}

# --- run --------------------------------------------------------------------------------------------------------

RUN_ID="$(date +%s)"
rm -rf "$CLINIC_HOME"
mkdir -p "$WORK"
trap cleanup EXIT
trap 'exit 130' INT TERM
echo "fault suite: stack in ${CLINIC_HOME#"$ROOT/"} (ports +$CLINIC_PORT_OFFSET), outage ${OUTAGE}s, referrals $REFERRALS, db events $DB_EVENTS, stream $STREAM"
./clinic up -d >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log" >&2; exit 1; }
PARTNER="$(./clinic token partner --partner fault-suite)"
INTAKE="$(./clinic token intake)"

for scenario in $SCENARIOS; do
    case "$scenario" in
        broker-hung) scenario_broker hung ;;
        broker-killed) scenario_broker killed ;;
        db-refused) scenario_db_refused ;;
        kill-9) for service in "${SERVICES[@]}"; do scenario_interrupted "$service" KILL; done ;;
        restart) for service in "${SERVICES[@]}"; do scenario_interrupted "$service" TERM; done ;;
        replicas) scenario_replicas ;;
        replay) scenario_replay ;;
        *) echo "faults: unknown scenario '$scenario'" >&2; FAILED=1 ;;
    esac
done
((FAILED == 0)) && echo "fault suite: every scenario kept its figures" || echo "fault suite: FAILED (logs in ${CLINIC_HOME#"$ROOT/"}/logs and $WORK)"
exit "$FAILED"
