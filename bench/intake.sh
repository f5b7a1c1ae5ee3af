#!/usr/bin/env bash
# Intake against its SQL floor, in one run on a running stack (./clinic up -d):
#
#  (a) pgbench on the stack's PostgreSQL (referral database, as the service's runtime login) running the minimal
#      durable writes of one submission as one transaction with prepared statements: the referral row, its RECEIVED
#      and TRIAGED timeline entries, its audit entry (bench/intake/minimal-submission.sql: begin; find or create the
#      patient (one statement); insert the referral, returning its id; insert both timeline entries in one multi-row
#      insert; insert the audit entry; commit, i.e. four prepared statements in six round trips), BENCH_CONCURRENCY clients for BENCH_SECONDS. The referral and timeline rows go into the real tables, with their indexes and foreign
#      keys, and are deleted afterwards by their partner id (bench-pgbench-<run>). The audit trail is append-only
#      (its trigger refuses deletes, and the runtime login may not delete), so the audit row goes into a scratch copy
#      of audit_entry (same columns, defaults, constraints and indexes; its own id sequence), which the owner login
#      creates before and drops after; the trigger only fires on update/delete, so an insert costs the same.
#  (b) wrk: POST /api/referrals at the same concurrency for BENCH_SECONDS, every request a distinct referral from one
#      partner (bench/intake/distinct-referrals.lua), after BENCH_WARMUP_SECONDS of warm-up.
#  (c) the same endpoint at BENCH_RATE_PERCENT (70) % of the rate measured in (b), offered at a fixed rate by
#      bench/ReferralIntakeBench.java --rate (latency counted from when each request was due). The client shares the
#      two cores with the service, PostgreSQL and the broker, so it is lean: one kept-alive HTTP/1.1 connection per
#      sender, in a JVM with C1 only and the serial collector (BENCH_CLIENT_JAVA_OPTS). The JDK's HttpClient in a
#      JVM left to its defaults spent about 10.8 s of CPU in a 20 s run at 390 req/s (C2 compiling the HTTP client,
#      G1's threads), a third of a core taken from the service it measured, and measured a p99 of 355-480 ms where
#      the lean client measured 22.6-74.7 ms on the same stack (2.7-2.9 s of CPU). Its own CPU is printed.
#
# Prints: pgbench tps, HTTP req/s, their ratio, HTTP p50/p99, referral-service CPU ms per request (utime+stime from
# /proc/<pid>/stat over phase b), the referrals stored (counted before and after), and p50/p99 at the fixed rate.
#
# Usage:  bench/intake.sh
# Environment (defaults in brackets):
#   BENCH_SECONDS [20]          length of each measured phase (a, b and c)
#   BENCH_CONCURRENCY [16]      pgbench clients and wrk connections
#   BENCH_WARMUP_SECONDS [10]   HTTP warm-up before (b), not measured
#   BENCH_RATE_PERCENT [70]     offered rate of (c), in % of the req/s measured in (b)
#   BENCH_THREADS [2]           pgbench and wrk threads
#   BENCH_CLIENT_JAVA_OPTS [-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData]   the fixed-rate client's JVM
#   CLINIC_PORT_OFFSET [0]      the stack's port offset (referral-service 8081+offset, PostgreSQL 55432+offset)
#   CLINIC_HOME [.clinic]       the stack's home, for referral-service's pid file (run/referral-service.pid)
#   BENCH_PG_USER/BENCH_PG_PASSWORD [referral/referral]         runtime login for pgbench and the counts
#   BENCH_PG_OWNER/BENCH_PG_OWNER_PASSWORD [referral_owner/...] owner login for the scratch audit table
# All requests come from one partner: start the stack with its intake rate limit out of the way, e.g.
#   CLINIC_INTAKE_RATE_LIMIT_REQUESTS=100000000 ./clinic up -d
# Needs pgbench and psql (postgresql-client), wrk and java 17: apt-get install -y postgresql-client wrk
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${BENCH_SECONDS:-20}
concurrency=${BENCH_CONCURRENCY:-16}
warmup=${BENCH_WARMUP_SECONDS:-10}
rate_percent=${BENCH_RATE_PERCENT:-70}
client_java_opts=${BENCH_CLIENT_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData}
threads=${BENCH_THREADS:-2}
offset=${CLINIC_PORT_OFFSET:-0}
home=${CLINIC_HOME:-.clinic}
pg_user=${BENCH_PG_USER:-referral}
pg_password=${BENCH_PG_PASSWORD:-referral}
pg_owner=${BENCH_PG_OWNER:-referral_owner}
pg_owner_password=${BENCH_PG_OWNER_PASSWORD:-referral_owner}

die() { printf 'intake.sh: %s\n' "$*" >&2; exit 2; }
for n in seconds concurrency warmup rate_percent threads offset; do
    [[ "${!n}" =~ ^[0-9]+$ ]] || die "$n must be a whole number (got '${!n}')"
done
(( seconds > 0 && concurrency > 0 && threads > 0 )) || die "BENCH_SECONDS, BENCH_CONCURRENCY and BENCH_THREADS must be > 0"
(( threads <= concurrency )) || threads=$concurrency
for tool in pgbench psql wrk java curl; do
    command -v "$tool" >/dev/null || die "$tool is missing (apt-get install -y postgresql-client wrk; java 17 and curl too)"
done

pg_port=$((55432 + offset))
http_port=$((8081 + offset))
url="http://127.0.0.1:$http_port"
pid_file="$home/run/referral-service.pid"

# The stack must be up: PostgreSQL answering, referral-service running from its pid file and answering.
export PGHOST=127.0.0.1 PGPORT=$pg_port PGDATABASE=referral PGCONNECT_TIMEOUT=5
sql() { PGUSER=$pg_user PGPASSWORD=$pg_password psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
owner_sql() { PGUSER=$pg_owner PGPASSWORD=$pg_owner_password psql -X -q -v ON_ERROR_STOP=1 -At "$@"; }
sql -c 'select 1' >/dev/null 2>&1 \
    || die "no PostgreSQL referral database at 127.0.0.1:$pg_port as $pg_user (is the stack up? CLINIC_PORT_OFFSET=$offset)"
[[ -r "$pid_file" ]] || die "no $pid_file: is the stack up, and CLINIC_HOME set as when it was started?"
pid=$(<"$pid_file")
[[ "$pid" =~ ^[0-9]+$ && -r /proc/$pid/stat ]] || die "referral-service (pid '$pid' from $pid_file) is not running"
curl -s -o /dev/null --max-time 5 "$url/api/referrals" \
    || die "referral-service does not answer at $url (CLINIC_PORT_OFFSET=$offset)"

run="$(date +%s)-$$"
marker="bench-pgbench-$run"
token=$(./clinic token partner --partner "bench-intake-$run" --ttl 1)
tmp=$(mktemp -d)

# Removes what phase (a) inserted: its referrals and their timeline entries, and the scratch audit table.
cleanup_pgbench() {
    sql -c "delete from timeline_entry where referral_id in (select id from referral where partner_id = '$marker');
            with gone as (delete from referral where partner_id = '$marker' returning patient_id)
            delete from patient p where p.id in (select patient_id from gone)
               and not exists (select 1 from referral r where r.patient_id = p.id and r.partner_id <> '$marker');" \
        2>/dev/null || true
    owner_sql -c 'drop table if exists bench_audit_entry; drop sequence if exists bench_audit_entry_id_seq;' \
        2>/dev/null || true
}
finish() { cleanup_pgbench; rm -rf "$tmp"; }
trap finish EXIT

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$pid/stat"; }
referrals() { sql -c 'select count(*) from referral'; }

# ---- (a) pgbench: the minimal durable writes of one submission --------------------------------------------------
owner_sql <<'SQL'
drop table if exists bench_audit_entry;
drop sequence if exists bench_audit_entry_id_seq;
create table bench_audit_entry (like audit_entry including defaults including constraints including indexes);
create sequence bench_audit_entry_id_seq owned by bench_audit_entry.id;
alter table bench_audit_entry alter column id set default nextval('bench_audit_entry_id_seq');
SQL
printf '(a) pgbench: %d clients, %d s, minimal writes of one submission (begin, patient match, 3 prepared inserts, commit)\n' \
    "$concurrency" "$seconds"
PGUSER=$pg_user PGPASSWORD=$pg_password pgbench -n -M prepared -c "$concurrency" -j "$threads" -T "$seconds" \
    -D marker="$marker" -f bench/intake/minimal-submission.sql >"$tmp/pgbench.out" 2>&1 \
    || { cat "$tmp/pgbench.out" >&2; die "pgbench failed"; }
pg_tps=$(awk '/^tps = / { printf "%.1f", $3; exit }' "$tmp/pgbench.out")
pg_latency=$(awk '/^latency average = / { print $4; exit }' "$tmp/pgbench.out")
pg_rows=$(sql -c "select count(*) from referral where partner_id = '$marker'")
[[ -n "$pg_tps" ]] || { cat "$tmp/pgbench.out" >&2; die "no tps in pgbench's output"; }
cleanup_pgbench
printf '    %s tps, latency average %s ms, %s referrals inserted and deleted again\n' "$pg_tps" "$pg_latency" "$pg_rows"

# ---- (b) wrk: POST /api/referrals, distinct referrals -----------------------------------------------------------
export INTAKE_TOKEN=$token INTAKE_BODY=$PWD/contracts/examples/referral-submission.json
wrk_run() { # seconds run-id
    INTAKE_RUN=$2 wrk -t "$threads" -c "$concurrency" -d "${1}s" --timeout 30s \
        -s bench/intake/distinct-referrals.lua "$url" >"$tmp/wrk.out" 2>&1 || { cat "$tmp/wrk.out" >&2; die "wrk failed"; }
    grep '^WRK_RESULT ' "$tmp/wrk.out" || { cat "$tmp/wrk.out" >&2; die "no result from wrk"; }
}
field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$2"; }
check_statuses() { # result phase
    local non201 other
    non201=$(field non201 "$1"); other=$(field other "$1")
    if [[ "$non201" != 0 || -n "$other" ]]; then
        [[ "$other" == *429=* ]] && printf 'intake.sh: answers 429: restart the stack with CLINIC_INTAKE_RATE_LIMIT_REQUESTS=100000000\n' >&2
        die "$2: responses other than 201: ${other:-$non201 errors}"
    fi
}

if (( warmup > 0 )); then
    printf '(b) warm-up: %d s\n' "$warmup"
    check_statuses "$(wrk_run "$warmup" "$run-w")" warm-up
fi
before=$(referrals)
ticks_before=$(cpu_ticks)
printf '(b) wrk: POST /api/referrals, %d connections, %d s, distinct referrals of distinct patients\n' "$concurrency" "$seconds"
result=$(wrk_run "$seconds" "$run")
ticks_after=$(cpu_ticks)
after=$(referrals)
check_statuses "$result" "phase (b)"
requests=$(field requests "$result")
(( requests > 0 )) || die "wrk completed no request"
http_rps=$(awk -v n="$requests" -v us="$(field duration_us "$result")" 'BEGIN { printf "%.1f", n / (us / 1e6) }')
p50=$(awk -v us="$(field p50_us "$result")" 'BEGIN { printf "%.1f", us / 1000 }')
p99=$(awk -v us="$(field p99_us "$result")" 'BEGIN { printf "%.1f", us / 1000 }')
cpu_ms=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
    'BEGIN { printf "%.2f", t * 1000 / hz / n }')
ratio=$(awk -v h="$http_rps" -v p="$pg_tps" 'BEGIN { printf "%.3f", h / p }')

# ---- (c) a fixed rate at BENCH_RATE_PERCENT % of the peak -------------------------------------------------------
rate=$(awk -v r="$http_rps" -v p="$rate_percent" 'BEGIN { printf "%.1f", r * p / 100 }')
printf '(c) fixed rate: %s req/s (%d %% of %s) for %d s, at most %d in flight\n' \
    "$rate" "$rate_percent" "$http_rps" "$seconds" "$concurrency"
rate_before=$(referrals)
# shellcheck disable=SC2086 # several options on purpose
java $client_java_opts bench/ReferralIntakeBench.java "$url" "$token" --rate "$rate" "$seconds" "$concurrency" >"$tmp/rate.out" 2>&1 \
    || { cat "$tmp/rate.out" >&2; die "the fixed-rate client failed"; }
rate_after=$(referrals)
rate_result=$(grep '^RATE_RESULT ' "$tmp/rate.out") || { cat "$tmp/rate.out" >&2; die "no result from the fixed-rate client"; }
rate_statuses=$(sed -n 's/.* statuses=\(.*\)$/\1/p' <<<"$rate_result")
[[ "$rate_statuses" =~ ^\{201=[0-9]+\}$ ]] || die "phase (c): responses other than 201: $rate_statuses"

cat <<EOF

intake benchmark ($concurrency clients, ${seconds} s per phase, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))
  pgbench, minimal durable writes:  $pg_tps tps
  POST /api/referrals:              $http_rps req/s ($requests requests)
  ratio HTTP / pgbench:             $ratio
  HTTP latency at peak:             p50 $p50 ms, p99 $p99 ms
  referral-service CPU:             $cpu_ms ms per request
  referrals stored:                 $before before, $after after (+$((after - before)), $requests answered 201)
  at $rate req/s ($rate_percent % of peak):      p50 $(field p50_ms "$rate_result") ms, p99 $(field p99_ms "$rate_result") ms, achieved $(field achieved "$rate_result") req/s, +$((rate_after - rate_before)) referrals stored
                                    (the client's own CPU: $(field client_cpu_ms "$rate_result") ms in all, start-up included)
EOF
