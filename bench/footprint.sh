#!/usr/bin/env bash
# Start-up time and resident memory of the local stack. The script starts its own stack with ./clinic (built
# artifacts needed: ./mvnw -DskipTests package) in CLINIC_HOME / CLINIC_PORT_OFFSET, and always stops it again
# (./clinic down) when it ends; it refuses to run over a stack that is already up there. Phases:
#
#  (a) `./clinic up -d`: wall-clock seconds until the launcher returns, i.e. PostgreSQL, Kafka and the mail sink
#      ready and every service, then the staff console, answering 200 on /q/health/ready and /q/health/started.
#  (b) each service started alone on the warm machine (the rest of the stack up and idle, the service stopped first
#      with ./clinic stop), FOOTPRINT_STARTS times: seconds from the JVM process's start (/proc/<pid>/stat) until
#      its management port's /q/health/ready answers 200 (status UP), then until /q/health/started does too
#      (consumers joined), and the "started in X s" that Quarkus logs.
#  (c) resident memory of every process, from /proc/<pid>/status (VmRSS now, VmHWM = peak) and, for PostgreSQL,
#      /proc/<pid>/smaps_rollup (Pss: shared buffers divided between the processes that map them, so the sum counts
#      them once), before and after bench/intake.sh (BENCH_SECONDS per phase), and again after bench/events.sh.
#      The infrastructure is reported as: the Kafka JVM; the PostgreSQL wrapper JVM (the local-stack command that
#      starts PostgreSQL exits once the server is ready, so it holds nothing afterwards: "exited"); the postgres
#      processes (postmaster and every backend/auxiliary process, count, summed RSS and summed PSS); and the three
#      together (Kafka RSS + postgres PSS); then the mail sink's JVM, and the sum with it. The intake req/s is
#      printed too, to check that memory settings do not cost throughput.
#
# Usage:  bench/footprint.sh
# Environment (defaults in brackets):
#   CLINIC_HOME [/tmp/clinic-footprint]   the stack's home (its data is kept between runs; ./clinic reset clears it)
#   CLINIC_PORT_OFFSET [0]                the stack's port offset
#   FOOTPRINT_STARTS [3]                  alone-starts per service in (b)
#   FOOTPRINT_SKIP_LOAD [unset]           1: skip the loads and the "after" memory
#   FOOTPRINT_EVENTS_SECONDS [60]         after the intake load, bench/events.sh for this long (20 accepts/s) and the
#                                         memory after it; 0 skips it
#   FOOTPRINT_NMT [unset]                 1: run the services with -XX:NativeMemoryTracking=summary (a few MB more)
#                                         and print the JVM's own account of each (heap, class, code, threads, GC,
#                                         ...) at the end: where the resident memory goes
#   BENCH_SECONDS [20]                    passed to bench/intake.sh (length of each of its phases)
#   JAVA_OPTS, CLINIC_INFRA_JAVA_OPTS     passed to ./clinic (override the launcher's JVM options)
# The stack runs with CLINIC_INTAKE_RATE_LIMIT_REQUESTS=100000000 (all intake requests come from one partner).
# Needs curl, python3 and what bench/intake.sh needs (pgbench, psql, wrk).
set -euo pipefail
cd "$(dirname "$0")/.."

export CLINIC_HOME=${CLINIC_HOME:-/tmp/clinic-footprint}
export CLINIC_PORT_OFFSET=${CLINIC_PORT_OFFSET:-0}
export CLINIC_INTAKE_RATE_LIMIT_REQUESTS=${CLINIC_INTAKE_RATE_LIMIT_REQUESTS:-100000000}
export BENCH_SECONDS=${BENCH_SECONDS:-20}
starts=${FOOTPRINT_STARTS:-3}
events_seconds=${FOOTPRINT_EVENTS_SECONDS:-60}
offset=$CLINIC_PORT_OFFSET
services=(referral-service insurance-service scheduling-service)
declare -A management=([referral-service]=$((9081 + offset)) [insurance-service]=$((9082 + offset))
    [scheduling-service]=$((9083 + offset)))

die() { printf 'footprint.sh: %s\n' "$*" >&2; exit 2; }
[[ "$starts" =~ ^[1-9][0-9]*$ ]] || die "FOOTPRINT_STARTS must be a positive number"
[[ "$events_seconds" =~ ^[0-9]+$ ]] || die "FOOTPRINT_EVENTS_SECONDS must be a number of seconds"
for tool in curl python3 java; do
    command -v "$tool" >/dev/null || die "$tool is missing"
done
for artifact in "${services[@]/%//target/quarkus-app/quarkus-run.jar}" local-stack/target/clinic-local-stack.jar; do
    [[ -f "$artifact" ]] || die "$artifact is missing: build first (./mvnw -DskipTests package)"
done
if ./clinic status >/dev/null 2>&1 || [[ -n "$(ls "$CLINIC_HOME"/run/*.pid 2>/dev/null)" ]]; then
    die "a stack is already running in $CLINIC_HOME; stop it first (CLINIC_HOME=$CLINIC_HOME ./clinic down)"
fi

if [[ "${FOOTPRINT_NMT:-}" == 1 ]]; then
    export JAVA_OPTS="${JAVA_OPTS:-} -XX:NativeMemoryTracking=summary"
fi

tmp=$(mktemp -d)
finish() {
    ./clinic down >"$tmp/down.out" 2>&1 || cat "$tmp/down.out" >&2
    rm -rf "$tmp"
}
trap finish EXIT

now() { awk '{ print $1 }' /proc/uptime; }                         # seconds since boot, as /proc/<pid>/stat counts
process_start() { # pid -> seconds since boot when it started
    awk -v hz="$(getconf CLK_TCK)" '{ sub(/.*\) /, ""); print $20 / hz }' "/proc/$1/stat"
}
code() { curl -s -o /dev/null -w '%{http_code}' --max-time 1 "http://127.0.0.1:$1/q/health/$2" 2>/dev/null || true; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.2f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# ---- (a) ./clinic up -d -------------------------------------------------------------------------------------------
printf '(a) ./clinic up -d (CLINIC_HOME=%s, CLINIC_PORT_OFFSET=%s, JAVA_OPTS=%s, CLINIC_INFRA_JAVA_OPTS=%s)\n' \
    "$CLINIC_HOME" "$offset" "${JAVA_OPTS-<launcher default>}" "${CLINIC_INFRA_JAVA_OPTS-<launcher default>}"
t0=$(date +%s.%N)
./clinic up -d >"$tmp/up.out" 2>&1 || { cat "$tmp/up.out" >&2; die "./clinic up -d failed"; }
t1=$(date +%s.%N)
up_seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
printf '    ready in %s s (%s)\n' "$up_seconds" "$(grep -o 'clinic is up in [0-9]* s' "$tmp/up.out" || true)"
for name in "${services[@]}"; do
    printf '    %-19s %s\n' "$name" \
        "$(grep -o 'started in [0-9.]*s' "$CLINIC_HOME/logs/$name.log" | tail -n 1 || true) (Quarkus log)"
done

# ---- (b) each service started alone ---------------------------------------------------------------------------------
printf '(b) each service started alone on the warm machine, %d times: process start -> /q/health/ready UP, -> /q/health/started UP\n' "$starts"
declare -A ready_median
for name in "${services[@]}"; do
    : >"$tmp/ready" && : >"$tmp/started"
    for ((i = 1; i <= starts; i++)); do
        ./clinic stop "$name" >/dev/null
        ./clinic start "$name" >"$tmp/start.out" 2>&1 &
        starter=$!
        pid=""
        until [[ -n "$pid" ]]; do
            [[ -f "$CLINIC_HOME/run/$name.pid" ]] && pid=$(<"$CLINIC_HOME/run/$name.pid")
            [[ -n "$pid" && -r /proc/$pid/stat ]] || pid=""
            kill -0 "$starter" 2>/dev/null || [[ -n "$pid" ]] || { cat "$tmp/start.out" >&2; die "$name did not start"; }
            sleep 0.01
        done
        born=$(process_start "$pid")
        ready="" started=""
        while [[ -z "$started" ]]; do
            kill -0 "$pid" 2>/dev/null || { cat "$tmp/start.out" >&2; die "$name exited during start-up"; }
            if [[ -z "$ready" && "$(code "${management[$name]}" ready)" == 200 ]]; then
                ready=$(now)
            fi
            if [[ -n "$ready" && "$(code "${management[$name]}" started)" == 200 ]]; then
                started=$(now)
            fi
            [[ -n "$started" ]] || sleep 0.05
        done
        wait "$starter" || { cat "$tmp/start.out" >&2; die "./clinic start $name failed"; }
        r=$(awk -v a="$born" -v b="$ready" 'BEGIN { printf "%.2f", b - a }')
        s=$(awk -v a="$born" -v b="$started" 'BEGIN { printf "%.2f", b - a }')
        q=$(grep -o 'started in [0-9.]*s' "$CLINIC_HOME/logs/$name.log" | tail -n 1 | grep -o '[0-9.]*[0-9]' || echo '?')
        printf '    %-19s #%d  ready %5s s  started %5s s  (Quarkus: started in %s s)\n' "$name" "$i" "$r" "$s" "$q"
        echo "$r" >>"$tmp/ready"
        echo "$s" >>"$tmp/started"
    done
    ready_median[$name]=$(median <"$tmp/ready")
    printf '    %-19s median ready %s s, started %s s\n' "$name" "${ready_median[$name]}" "$(median <"$tmp/started")"
done

# ---- (c) resident memory --------------------------------------------------------------------------------------------
memory() { # title
    python3 - "$CLINIC_HOME" "$1" <<'PY'
import os, sys
home, title = sys.argv[1], sys.argv[2]

def status(pid):
    values = {}
    for line in open(f"/proc/{pid}/status"):
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values

def pss(pid):
    try:
        for line in open(f"/proc/{pid}/smaps_rollup"):
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0

def pid_of(name):
    try:
        pid = int(open(os.path.join(home, "run", name + ".pid")).read().split()[0])
        return pid if os.path.exists(f"/proc/{pid}") else None
    except (OSError, ValueError, IndexError):
        return None

print(f"(c) resident memory {title}, MB (VmRSS now / VmHWM peak)")
total_services = 0.0
for name in ("referral-service", "insurance-service", "scheduling-service"):
    pid = pid_of(name)
    if pid is None:
        print(f"    {name:<28} not running")
        continue
    s = status(pid)
    total_services += s["VmRSS"]
    print(f"    {name:<28} {s['VmRSS']:7.1f} / {s['VmHWM']:7.1f}   pid {pid}")
print(f"    {'services together':<28} {total_services:7.1f}")
console = pid_of("staff-console")
if console:
    s = status(console)
    print(f"    {'staff-console':<28} {s['VmRSS']:7.1f} / {s['VmHWM']:7.1f}   pid {console} (not in the sum above)")
else:
    print(f"    {'staff-console':<28} not running")

kafka = pid_of("kafka")
kafka_rss = 0.0
if kafka:
    s = status(kafka)
    kafka_rss = s["VmRSS"]
    print(f"    {'kafka (JVM)':<28} {s['VmRSS']:7.1f} / {s['VmHWM']:7.1f}   pid {kafka}")
else:
    print(f"    {'kafka (JVM)':<28} not running")
wrapper = pid_of("postgres")
if wrapper:
    s = status(wrapper)
    print(f"    {'postgres wrapper (JVM)':<28} {s['VmRSS']:7.1f} / {s['VmHWM']:7.1f}   pid {wrapper} (still starting)")
else:
    print(f"    {'postgres wrapper (JVM)':<28} {0:7.1f}             exited once PostgreSQL was ready")

pg_rss = pg_pss = 0.0
count = 0
try:
    postmaster = int(open(os.path.join(home, "data", "postgres", "postmaster.pid")).readline())
except (OSError, ValueError):
    postmaster = None
if postmaster and os.path.exists(f"/proc/{postmaster}"):
    pids = [postmaster]
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                stat = open(f"/proc/{d}/stat").read()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == postmaster:
                pids.append(int(d))
    for pid in pids:
        try:
            pg_rss += status(pid)["VmRSS"]
            pg_pss += pss(pid)
            count += 1
        except (OSError, KeyError):
            pass
    print(f"    {'postgres processes':<28} {pg_rss:7.1f} RSS summed, {pg_pss:.1f} PSS summed ({count} processes; "
          f"shared buffers are counted once in PSS, in every process in RSS)")
else:
    print(f"    {'postgres processes':<28} not running")
print(f"    {'infrastructure together':<28} {kafka_rss + pg_pss:7.1f}   (Kafka RSS + postgres PSS; with postgres RSS summed: "
      f"{kafka_rss + pg_rss:.1f})")
mail = pid_of("mail")
if mail:
    s = status(mail)
    print(f"    {'mail sink (JVM)':<28} {s['VmRSS']:7.1f} / {s['VmHWM']:7.1f}   pid {mail} (not in the sum above; "
          f"with it: {kafka_rss + pg_pss + s['VmRSS']:.1f})")
else:
    print(f"    {'mail sink (JVM)':<28} not running")
PY
}

memory "after start-up, before load"

if [[ "${FOOTPRINT_SKIP_LOAD:-}" != 1 ]]; then
    printf '(c) load: bench/intake.sh, BENCH_SECONDS=%s\n' "$BENCH_SECONDS"
    bench/intake.sh >"$tmp/intake.out" 2>&1 || { cat "$tmp/intake.out" >&2; die "bench/intake.sh failed"; }
    sed 's/^/    | /' "$tmp/intake.out"
    memory "after bench/intake.sh"
    # The intake load exercises referral-service alone; the event load is what the other two serve (cases opened,
    # approvals, plans), and after it each service's heap and code cache hold more than after the intake.
    if [[ "$events_seconds" != 0 ]]; then
        printf '(c) load: bench/events.sh, EVENTS_SECONDS=%s\n' "$events_seconds"
        EVENTS_SECONDS=$events_seconds bench/events.sh >"$tmp/events.out" 2>&1 \
            || { cat "$tmp/events.out" >&2; die "bench/events.sh failed"; }
        sed -n '/^event latency/,$p' "$tmp/events.out" | sed 's/^/    | /'
        memory "after bench/intake.sh and bench/events.sh"
    fi
fi

if [[ "${FOOTPRINT_NMT:-}" == 1 ]]; then
    for name in "${services[@]}"; do
        printf '(nmt) %s: committed KB per area (jcmd VM.native_memory summary)\n' "$name"
        jcmd "$(<"$CLINIC_HOME/run/$name.pid")" VM.native_memory summary \
            | awk '/^Total|^-  *[A-Z]/ { line = $0; sub(/reserved=[0-9]*KB, /, "", line); gsub(/^- */, "", line); print "    " line }'
        # The live heap: what is left after a full collection (done last, since it changes what is resident).
        jcmd "$(<"$CLINIC_HOME/run/$name.pid")" GC.run >/dev/null
        printf '    heap after a full collection: %s\n' "$(jcmd "$(<"$CLINIC_HOME/run/$name.pid")" GC.heap_info \
            | grep -E 'total [0-9]+K, used' | sed -E 's/^ *//; s/ *\[.*//' | paste -sd ';' -)"
    done
    kafka_pid=$(<"$CLINIC_HOME/run/kafka.pid")
    jcmd "$kafka_pid" GC.run >/dev/null
    printf '(nmt) kafka heap after a full collection: %s\n' "$(jcmd "$kafka_pid" GC.heap_info \
        | grep -E 'total [0-9]+K, used' | sed -E 's/^ *//; s/ *\[.*//' | paste -sd ';' -)"
fi

printf '\nsummary: up -d %s s; alone-start median ready: %s\n' "$up_seconds" \
    "$(for n in "${services[@]}"; do printf '%s %s s  ' "${n%-service}" "${ready_median[$n]}"; done)"
