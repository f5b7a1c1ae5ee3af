#!/usr/bin/env bash
# CPU of the whole stack at rest: every process the launcher started (the pids in $CLINIC_HOME/run and the
# PostgreSQL postmaster from its data directory) and everything they started (PostgreSQL backends, autovacuum, ...),
# read from /proc (utime + stime, plus cutime + cstime for children that ended in the window) at the start and the
# end of the window. Prints % of one core per process and in total. Send no requests while it runs.
# Usage: bench/idle.sh [seconds]     (default 60; honours CLINIC_HOME, default .clinic in the checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
home=${CLINIC_HOME:-$PWD/.clinic}
[ -d "$home/run" ] || { echo "no $home/run: is the stack up (./clinic up -d) with this CLINIC_HOME?" >&2; exit 2; }

exec python3 - "$home" "$seconds" <<'PY'
import os, sys, time, glob

home, seconds = sys.argv[1], float(sys.argv[2])
tick = os.sysconf("SC_CLK_TCK")

def roots():
    found = {}
    for f in sorted(glob.glob(os.path.join(home, "run", "*.pid"))):
        name = os.path.basename(f)[:-4]
        try:
            found[int(open(f).read().split()[0])] = name
        except (ValueError, IndexError, OSError):
            pass
    pm = os.path.join(home, "data", "postgres", "postmaster.pid")
    if os.path.exists(pm):
        found[int(open(pm).readline())] = "postgres-server"
    return {p: n for p, n in found.items() if os.path.exists(f"/proc/{p}")}

def snapshot():
    procs = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            stat = open(f"/proc/{d}/stat").read()
            cmd = open(f"/proc/{d}/cmdline", "rb").read().replace(b"\0", b" ").decode(errors="replace").strip()
        except OSError:
            continue
        rest = stat[stat.rindex(")") + 2:].split()
        # fields after the name: state(3) ppid(4) ... utime(14) stime(15) cutime(16) cstime(17)
        procs[int(d)] = (int(rest[1]), sum(int(x) for x in rest[11:15]), cmd or stat[stat.index("(") + 1:stat.rindex(")")])
    return procs

def trees(procs, rs):
    owner = {}
    for pid in procs:
        p, seen = pid, 0
        while p in procs and p not in rs and seen < 64:
            p, seen = procs[p][0], seen + 1
        if p in rs:
            owner[pid] = rs[p]
    return owner

rs = roots()
if not rs:
    sys.exit("no running component found under " + home)
t0, a = time.monotonic(), snapshot()
time.sleep(seconds)
t1, b = time.monotonic(), snapshot()
wall = t1 - t0
owner = trees(b, rs)
owner.update({p: o for p, o in trees(a, rs).items() if p not in owner})

rows, per_component = [], {}
for pid, comp in owner.items():
    start = a[pid][1] if pid in a and (pid not in b or a[pid][2] == b[pid][2]) else 0
    end = b[pid][1] if pid in b else start          # ended in the window: its time went to its parent's cutime
    cpu = (end - start) / tick
    cmd = (b.get(pid) or a.get(pid))[2]
    rows.append((comp, pid, cpu, cmd))
    per_component[comp] = per_component.get(comp, 0) + cpu

print(f"stack at rest over {wall:.1f} s, % of one core (CPU seconds / wall seconds x 100), CLINIC_HOME={home}")
print(f"{'component':<20} {'pid':>8} {'%core':>7}  process")
for comp, pid, cpu, cmd in sorted(rows, key=lambda r: (r[0], -r[2])):
    if cpu > 0 or pid in rs:
        short = cmd if len(cmd) < 70 else cmd[:67] + "..."
        print(f"{comp:<20} {pid:>8} {100 * cpu / wall:7.2f}  {short}")
print()
print(f"{'component':<20} {'%core':>7}")
for comp, cpu in sorted(per_component.items()):
    print(f"{comp:<20} {100 * cpu / wall:7.2f}")
print(f"{'TOTAL':<20} {100 * sum(per_component.values()) / wall:7.2f}")
PY
