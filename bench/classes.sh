#!/usr/bin/env bash
# Where a service's class metadata comes from: the classes each running JVM of the stack has loaded, counted per
# library (by package), and what its class-data archive and metaspace hold resident. The archive and metaspace are
# most of a service's resident memory (bench/footprint.sh), and their size follows the number of classes loaded, not
# the heap settings. Read from `jcmd <pid> VM.class_hierarchy` (one line per loaded class) and /proc/<pid>/smaps.
# Usage: bench/classes.sh [component...]   (default: the three services; honours CLINIC_HOME, default .clinic in
#        the checkout). Send no requests while it runs if you compare runs: a request can load classes.
set -euo pipefail
cd "$(dirname "$0")/.."
home=${CLINIC_HOME:-$PWD/.clinic}
[ -d "$home/run" ] || { echo "no $home/run: is the stack up (./clinic up -d) with this CLINIC_HOME?" >&2; exit 2; }
command -v jcmd > /dev/null || { echo "jcmd (from the JDK) is needed" >&2; exit 2; }
[ $# -gt 0 ] || set -- referral-service insurance-service scheduling-service

exec python3 - "$home" "$@" <<'PY'
import collections, os, re, subprocess, sys

home, components = sys.argv[1], sys.argv[2:]

# First matching prefix wins, so the narrower ones come first.
FAMILIES = [
    ("org.botoxclinic.", "this project"),
    ("org.hibernate.validator.", "Hibernate Validator"),
    ("org.hibernate.", "Hibernate ORM"), ("org.antlr.", "Hibernate ORM"),
    ("org.apache.kafka.", "Kafka client"),
    ("io.smallrye.reactive.messaging.", "SmallRye Reactive Messaging"),
    ("io.smallrye.openapi.", "OpenAPI"), ("org.yaml.snakeyaml.", "OpenAPI"), ("org.jboss.jandex.", "OpenAPI"),
    ("io.micrometer.", "Micrometer"), ("io.quarkus.micrometer.", "Micrometer"), ("io.prometheus.", "Micrometer"),
    ("io.opentelemetry.", "OpenTelemetry"), ("io.quarkus.opentelemetry.", "OpenTelemetry"),
    ("org.flywaydb.", "Flyway"),
    ("com.fasterxml.jackson.", "Jackson"),
    ("io.netty.", "Netty"), ("io.vertx.", "Vert.x"),
    ("org.jboss.resteasy.", "RESTEasy Reactive"),
    ("com.arjuna.", "Narayana"), ("io.agroal.", "Agroal"), ("org.postgresql.", "PostgreSQL JDBC"),
    ("io.smallrye.mutiny.", "Mutiny"), ("io.smallrye.config.", "SmallRye Config"),
    ("io.smallrye.jwt.", "SmallRye JWT"), ("org.jose4j.", "SmallRye JWT"),
    ("io.quarkus.", "Quarkus (other)"), ("io.quarkiverse.", "Quarkus (other)"),
    ("jakarta.", "Jakarta APIs"), ("org.eclipse.microprofile.", "Jakarta APIs"),
    ("java.", "JDK"), ("javax.", "JDK"), ("jdk.", "JDK"), ("sun.", "JDK"), ("com.sun.", "JDK"),
]
CLASS = re.compile(r"([A-Za-z_$][\w$]*(?:\.[\w$]+)+)/")


def family(name):
    for prefix, fam in FAMILIES:
        if name.startswith(prefix):
            return fam
    return "other"


def resident_kb(pid):
    """Rss of the class-data archives' mappings and the rest of the process, from smaps."""
    archive = total = 0
    current = None
    with open(f"/proc/{pid}/smaps") as smaps:
        for line in smaps:
            if re.match(r"^[0-9a-f]+-[0-9a-f]+ ", line):
                parts = line.split()
                current = parts[5] if len(parts) > 5 else ""
            elif line.startswith("Rss:"):
                kb = int(line.split()[1])
                total += kb
                if current.endswith(".jsa"):
                    archive += kb
    return archive, total


def metaspace_committed_kb(pid):
    out = subprocess.run(["jcmd", str(pid), "VM.metaspace", "basic"], capture_output=True, text=True).stdout
    m = re.search(r"Both:.*?([\d.]+) ([KMG]B) \(\s*\d+%\) committed", out)
    if not m:
        return None
    return float(m.group(1)) * {"KB": 1, "MB": 1024, "GB": 1024 * 1024}[m.group(2)]


per_service = {}
for comp in components:
    pidfile = os.path.join(home, "run", comp + ".pid")
    try:
        pid = int(open(pidfile).read().split()[0])
        os.kill(pid, 0)
    except (OSError, ValueError, IndexError):
        print(f"{comp}: not running (no live pid in {pidfile})", file=sys.stderr)
        continue
    out = subprocess.run(["jcmd", str(pid), "VM.class_hierarchy"], capture_output=True, text=True).stdout
    counts = collections.Counter()
    for line in out.splitlines():
        m = CLASS.search(line)
        if m:
            counts[family(m.group(1))] += 1
    archive, total = resident_kb(pid)
    meta = metaspace_committed_kb(pid)
    per_service[comp] = (pid, counts, archive, total, meta)

if not per_service:
    sys.exit("no component running")
names = list(per_service)  # the running ones, in the order asked

print(f"classes loaded per library (jcmd VM.class_hierarchy), CLINIC_HOME={home}")
fams = collections.Counter()
for _, counts, *_ in per_service.values():
    fams.update(counts)
short = [n.replace("-service", "") for n in names]
print(f"{'library':<30}" + "".join(f"{s:>12}" for s in short))
for fam, _ in fams.most_common():
    print(f"{fam:<30}" + "".join(f"{per_service[n][1][fam]:>12}" for n in names))
print(f"{'total':<30}" + "".join(f"{sum(per_service[n][1].values()):>12}" for n in names))
print()
print("resident, MB (smaps Rss)")
print(f"{'class-data archives (*.jsa)':<30}" + "".join(f"{per_service[n][2] / 1024:>12.1f}" for n in names))
print(f"{'metaspace committed':<30}" + "".join(
    f"{per_service[n][4] / 1024:>12.1f}" if per_service[n][4] is not None else f"{'?':>12}" for n in names))
print(f"{'whole process':<30}" + "".join(f"{per_service[n][3] / 1024:>12.1f}" for n in names))
print(f"{'archive per class loaded, KB':<30}" + "".join(
    f"{per_service[n][2] / max(1, sum(per_service[n][1].values())):>12.1f}" for n in names))
PY
