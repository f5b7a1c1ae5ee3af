#!/usr/bin/env bash
# Event latency of the spine measured from the databases' own timestamps, while accepts arrive at a steady rate:
#   accept -> case:   referral-service's ReferralAccepted (outbox_event.occurred_at, the moment the accept was decided)
#                     -> insurance-service's authorization_case.created_at (the case opened by that event)
#   approve -> ready: insurance-service's authorization_case.decided_at (the approval)
#                     -> scheduling-service's processed_event.processed_at of that AuthorizationApproved (the moment the
#                        plan became READY_TO_SCHEDULE: the plan has no ready-at column of its own, and its updated_at
#                        moves again with later events; the inbox row is written in the same transaction as the change)
# Every timestamp is written by the services on this machine's clock before their commit; HTTP is used only to
# drive the work (create, accept, approve), never to time it. Each hand-over is also split at the outbox
# (occurred/created -> published_at -> consumer's processed_at) to show where the time goes.
#
# Phases: (1) N = RATE x SECONDS referrals are created as partners, each of a patient of its own (not timed; several
# partners, so the per-partner intake rate limit is not hit); (2) for SECONDS they are accepted at RATE per second by intake staff while
# authorization staff approve each case as soon as it exists (requirement confirmed, submitted, approved), so
# approvals run at the same sustained rate (the creations' own events are consumed before the accepts start); (3) the script waits until every plan is ready (at most DRAIN seconds)
# and reads the timestamps. Prints p50 / p90 / p99 / max per hand-over and the counts: nothing missing, nothing
# doubled (cases per referral, inbox rows per event, plans ready).
#
# Usage: bench/events.sh     (EVENTS_RATE 20, EVENTS_SECONDS 60, EVENTS_DRAIN 60; EVENTS_SERIES=file writes
#                             each accept's time and its accept -> case latency; honours CLINIC_PORT_OFFSET;
#                             needs curl, psql and python3; start the stack with ./clinic up -d)
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in psql python3; do command -v $tool >/dev/null || { echo "$tool is required" >&2; exit 2; }; done
offset=${CLINIC_PORT_OFFSET:-0}
rate=${EVENTS_RATE:-20}
seconds=${EVENTS_SECONDS:-60}
drain=${EVENTS_DRAIN:-60}
total=$((rate * seconds))
# The intake limit is 120 per partner and minute: 100 referrals per partner stay under it.
partners=$(((total + 99) / 100))
tokens=$(mktemp)
trap 'rm -f "$tokens"' EXIT
{
    echo "intake $(./clinic token intake)"
    echo "auth $(./clinic token authorizations)"
    for p in $(seq 1 "$partners"); do echo "partner $(./clinic token partner --partner "bench-events-$p")"; done
} >"$tokens"

exec python3 - "$offset" "$rate" "$seconds" "$drain" "$total" "$tokens" <<'PY'
import concurrent.futures as cf, datetime, http.client, json, os, resource, subprocess, sys, threading, time, uuid

offset, rate, seconds, drain, total = (int(x) for x in sys.argv[1:6])
# The driver's own CPU is printed at the end: it runs on the machine being measured. The tokens were minted before
# this process started, so their CPU is left out.
cpu_before = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
tokens = {"partner": []}
for line in open(sys.argv[6]):
    kind, token = line.split()
    if kind == "partner":
        tokens["partner"].append(token)
    else:
        tokens[kind] = token
REFERRAL, INSURANCE = 8081 + offset, 8082 + offset
PG_PORT = 55432 + offset
example = json.load(open("contracts/examples/referral-submission.json"))
local = threading.local()

def call(port, method, path, token, body=None, expect=(200, 201)):
    conns = getattr(local, "conns", None)
    if conns is None:
        conns = local.conns = {}
    for attempt in range(3):
        conn = conns.get(port) or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        conns[port] = conn
        headers = {"Authorization": "Bearer " + token}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            conn.request(method, path, body=data, headers=headers)
            response = conn.getresponse()
            text = response.read()
        except (http.client.HTTPException, OSError):
            conn.close()
            conns.pop(port, None)
            continue
        if response.status not in expect:
            raise RuntimeError(f"{method} {path}: {response.status} {text[:300]!r}")
        return json.loads(text) if text else None
    raise RuntimeError(f"{method} {path}: no answer")

class Session:
    """One psql process per database for the whole run, fed one query at a time on its standard input. A psql
    started per query (a process, a connection and a SCRAM login each) cost about 16 s of CPU in a 60 s run, in the
    psql processes alone (PostgreSQL paid for the logins on top), since the approver polls ten times a second: on
    two cores that was taken from the services being measured."""
    MARK = "--end-of-result--"

    def __init__(self, db):
        env = dict(os.environ, PGPASSWORD=db + "_owner", PGTZ="UTC")
        self.lock = threading.Lock()
        self.process = subprocess.Popen(["psql", "-X", "-q", "-At", "-F", "|", "-h", "127.0.0.1", "-p", str(PG_PORT),
                                         "-U", db + "_owner", "-d", db, "-v", "ON_ERROR_STOP=1"], env=env, text=True,
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)

    def query(self, query):
        with self.lock:
            self.process.stdin.write(query.rstrip().rstrip(";") + ";\n\\echo " + self.MARK + "\n")
            self.process.stdin.flush()
            rows = []
            for line in self.process.stdout:
                line = line.rstrip("\n")
                if line == self.MARK:
                    return rows
                if line:
                    rows.append(line.split("|"))
            raise RuntimeError(f"psql ended: {self.process.stderr.read().strip()[:300]}")

sessions, sessions_lock = {}, threading.Lock()

def sql(db, query):
    with sessions_lock:
        if db not in sessions:
            sessions[db] = Session(db)
    return sessions[db].query(query)

# (1) referrals to accept, created before the clock starts
stamp = time.strftime("%Y%m%d%H%M%S")
created_since = sql("referral", "select now() - interval '1 second'")[0][0]
def distinct_patient(i):
    # Every referral names its own patient (a last name, member id, phone and birth date of its own), as a clinic's
    # referrals do. With the example's one patient for all of them, every accept, approval and plan of the run took
    # that one patient's turn (services serialise a patient's changes) and read all of that patient's cases and
    # plans, thousands after a few runs: the figures then measured one patient's queue, growing from run to run.
    letters = "".join(chr(ord("a") + int(c, 16)) for c in uuid.uuid4().hex[:10])
    born = datetime.date(1940, 1, 1) + datetime.timedelta(days=(i * 7919) % 23000)
    return (dict(example["patient"], lastName="Rivera-" + letters.capitalize(), dateOfBirth=born.isoformat(),
                 phone=f"555{i:07d}"),
            dict(example["insurance"], memberId=f"EV-{stamp}-{i}"))

def create(i):
    patient, insurance = distinct_patient(i)
    body = dict(example, externalReferralId=f"EVENTS-{stamp}-{i}-{uuid.uuid4().hex[:8]}", patient=patient,
                insurance=insurance)
    return call(REFERRAL, "POST", "/api/referrals", tokens["partner"][i // 100], body)["id"]
t = time.monotonic()
with cf.ThreadPoolExecutor(8) as pool:
    referrals = list(pool.map(create, range(total)))
print(f"created {len(referrals)} referrals in {time.monotonic() - t:.1f} s; accepting {rate}/s for {seconds} s")
ours = set(referrals)
# The creations' own events (ReferralReceived, ...) are consumed first, so that the accepts meet consumers at rest
# rather than queued behind the set-up's burst.
t = time.monotonic()
while time.monotonic() - t < 120:
    produced = int(sql("referral", f"select count(*) from outbox_event where created_at >= '{created_since}'")[0][0])
    behind = [db for db in ("insurance", "scheduling") if int(sql(db, f"select count(*) from processed_event "
              f"where topic = 'referral-events' and processed_at >= '{created_since}'")[0][0]) < produced]
    if not behind:
        break
    time.sleep(0.5)
print(f"consumers caught up with the set-up's {produced} events in {time.monotonic() - t:.1f} s")
since = sql("referral", "select now() - interval '1 second'")[0][0]

# (2) accepts at a fixed rate, approvals as cases appear
stop_approving = threading.Event()
approved, approve_errors, accept_errors = set(), [], []
today = datetime.date.today()
decision = {"outcome": "APPROVED", "authorizationNumber": "EV-1", "approvedUnits": 310, "approvedVisits": 2,
            "validFrom": (today + datetime.timedelta(days=7)).isoformat(),
            "validTo": (today + datetime.timedelta(days=180)).isoformat()}

def approve(case_id):
    try:
        call(INSURANCE, "PUT", f"/api/authorizations/{case_id}/requirements/SPECIALIST_PRESCRIBER", tokens["auth"],
             {"met": True, "note": "clinic neurologist"})
        call(INSURANCE, "POST", f"/api/authorizations/{case_id}/submit", tokens["auth"],
             {"channel": "PORTAL", "expedited": False})
        call(INSURANCE, "POST", f"/api/authorizations/{case_id}/decision", tokens["auth"], decision)
    except RuntimeError as e:
        approve_errors.append(str(e))

def approver():
    with cf.ThreadPoolExecutor(6) as pool:
        while True:
            done = stop_approving.is_set()
            rows = sql("insurance", f"select id, referral_id from authorization_case where previous_case_id is null "
                                    f"and decided_at is null and created_at >= '{since}'")
            for case_id, referral_id in rows:
                if referral_id in ours and case_id not in approved:
                    approved.add(case_id)
                    pool.submit(approve, case_id)
            if done:
                break
            time.sleep(0.1)

def accept(referral_id):
    try:
        call(REFERRAL, "POST", f"/api/referrals/{referral_id}/accept", tokens["intake"])
    except RuntimeError as e:
        accept_errors.append(str(e))

approving = threading.Thread(target=approver)
approving.start()
start = time.monotonic()
with cf.ThreadPoolExecutor(8) as pool:
    for i, referral_id in enumerate(referrals):
        delay = start + i / rate - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        pool.submit(accept, referral_id)
accept_wall = time.monotonic() - start
print(f"accepted {total - len(accept_errors)} in {accept_wall:.1f} s ({(total - len(accept_errors)) / accept_wall:.1f}/s)")

# (3) wait until every case exists and is approved, and every plan is ready
deadline = time.monotonic() + drain
ids = ",".join(f"'{r}'" for r in referrals)
while time.monotonic() < deadline:
    cases = int(sql("insurance", f"select count(*) from authorization_case where referral_id in ({ids}) "
                                 f"and previous_case_id is null")[0][0])
    if cases >= total:
        break
    time.sleep(0.5)
stop_approving.set()
approving.join()
while time.monotonic() < deadline:
    ready = int(sql("scheduling", f"select count(*) from treatment_plan where referral_id in ({ids}) "
                                  f"and status = 'READY_TO_SCHEDULE'")[0][0])
    if ready >= len(approved):
        break
    time.sleep(0.5)
print(f"approved {len(approved) - len(approve_errors)} cases; drained {time.monotonic() - start - accept_wall:.1f} s after the last accept")
for e in (accept_errors + approve_errors)[:5]:
    print("  error:", e)

epoch = "extract(epoch from {})"
accepted = {k: (float(o), float(c), float(p) if p else None) for k, o, c, p in sql("referral",
    f"select event_key, {epoch.format('occurred_at')}, {epoch.format('created_at')}, {epoch.format('published_at')} "
    f"from outbox_event where event_type = 'ReferralAccepted' and event_key in ({ids})")}
accepted_rows = int(sql("referral", f"select count(*) from outbox_event where event_type = 'ReferralAccepted' and event_key in ({ids})")[0][0])
accepted_ids = {k: e for k, e in sql("referral", f"select event_key, event_id from outbox_event "
                                                  f"where event_type = 'ReferralAccepted' and event_key in ({ids})")}
cases = {}
for r, c, d in sql("insurance", f"select referral_id, {epoch.format('created_at')}, {epoch.format('decided_at')} "
                                f"from authorization_case where previous_case_id is null and referral_id in ({ids})"):
    cases.setdefault(r, []).append((float(c), float(d) if d else None))
inbox_ins = {}
for e, p in sql("insurance", f"select event_id, {epoch.format('processed_at')} from processed_event "
                             f"where event_type = 'ReferralAccepted' and processed_at >= '{since}'"):
    inbox_ins.setdefault(e, []).append(float(p))
approvals = {k: (e, float(c), float(p) if p else None) for k, e, c, p in sql("insurance",
    f"select event_key, event_id, {epoch.format('created_at')}, {epoch.format('published_at')} from outbox_event "
    f"where event_type = 'AuthorizationApproved' and event_key in ({ids})")}
approval_rows = int(sql("insurance", f"select count(*) from outbox_event where event_type = 'AuthorizationApproved' and event_key in ({ids})")[0][0])
inbox_sched = {}
for e, p in sql("scheduling", f"select event_id, {epoch.format('processed_at')} from processed_event "
                              f"where event_type = 'AuthorizationApproved' and processed_at >= '{since}'"):
    inbox_sched.setdefault(e, []).append(float(p))
ready = int(sql("scheduling", f"select count(*) from treatment_plan where referral_id in ({ids}) and status = 'READY_TO_SCHEDULE'")[0][0])

def pct(values):
    v = sorted(values)
    if not v:
        return "no samples"
    q = lambda p: v[min(len(v) - 1, max(0, int(round(p * len(v) + 0.5)) - 1))]
    return (f"p50 {1000 * q(0.50):6.1f} ms  p90 {1000 * q(0.90):6.1f} ms  p99 {1000 * q(0.99):6.1f} ms  "
            f"max {1000 * v[-1]:6.1f} ms  (n={len(v)})")

accept_case, accept_pub, pub_consumed = [], [], []
for r in referrals:
    if r in accepted and r in cases:
        occurred, created, published = accepted[r]
        accept_case.append(cases[r][0][0] - occurred)
        if published:
            accept_pub.append(published - created)
            got = inbox_ins.get(accepted_ids[r])
            if got:
                pub_consumed.append(got[0] - published)
approve_ready, approve_pub, approve_consumed = [], [], []
for r in referrals:
    if r in cases and cases[r][0][1] is not None and r in approvals:
        event_id, created, published = approvals[r]
        got = inbox_sched.get(event_id)
        if got:
            approve_ready.append(got[0] - cases[r][0][1])
        if published:
            approve_pub.append(published - created)
            if got:
                approve_consumed.append(got[0] - published)

if os.environ.get("EVENTS_SERIES"):
    with open(os.environ["EVENTS_SERIES"], "w") as out:
        for r in referrals:
            if r in accepted and r in cases:
                print(f"{accepted[r][0]:.3f} {cases[r][0][0] - accepted[r][0]:.3f}", file=out)
print()
print(f"event latency from database timestamps, {rate} accepts/s for {seconds} s ({total} referrals)")
print(f"  accept -> case created      {pct(accept_case)}")
print(f"    outbox row -> published   {pct(accept_pub)}")
print(f"    published -> consumed     {pct(pub_consumed)}")
print(f"  approval -> plan ready      {pct(approve_ready)}")
print(f"    outbox row -> published   {pct(approve_pub)}")
print(f"    published -> consumed     {pct(approve_consumed)}")
doubled_cases = sum(1 for v in cases.values() if len(v) > 1)
doubled_inbox = sum(1 for e in accepted_ids.values() if len(inbox_ins.get(e, [])) > 1) \
    + sum(1 for a in approvals.values() if len(inbox_sched.get(a[0], [])) > 1)
print(f"counts: accepted events {accepted_rows}/{total}, cases {sum(len(v) for v in cases.values())}/{total}, "
      f"approvals {approval_rows}/{len(approved)}, plans ready {ready}/{len(approved)}, "
      f"missing {total - len(accept_case) + len(approved) - len(approve_ready)}, doubled {doubled_cases + doubled_inbox}")
for session in sessions.values():
    session.process.stdin.close()
    session.process.wait()
own, children = ((u.ru_utime + u.ru_stime) - (b.ru_utime + b.ru_stime) for u, b in
                 zip((resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)), cpu_before))
print(f"the driver's own CPU on the machine being measured: {own:.1f} s, its psql sessions {children:.1f} s")
PY
