#!/usr/bin/env python3
"""The python3 half of scripts/faults.sh (see its header): an SMTP sink, the load with its faults, the checks.

  faults.py smtp PORT OUT            an SMTP server that accepts every message and appends a line per delivery
                                     to OUT: its Message-ID, recipient and X-Motcua-Kind (tab-separated)
  faults.py load WORK                the load (desk intake and two hand-overs per dossier, on both nodes), with
                                     the faults run at their times; writes WORK/client.json
  faults.py check WORK               compares WORK/client.json, the deliveries and the nodes' logs with the
                                     database (through WORK/FaultsSql.java) and prints the figures

Standard library only. The load's settings come from the environment that faults.sh sets.
"""
import collections
import json
import os
import re
import socketserver
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid

DEMO_PASSWORD = "Demo@12345"


# ---------------------------------------------------------------------------------------------------- SMTP sink
def smtp(port, out):
    lock = threading.Lock()

    class Handler(socketserver.StreamRequestHandler):
        def handle(self):
            def say(line):
                self.wfile.write((line + "\r\n").encode())
                self.wfile.flush()

            say("220 faults SMTP sink")
            recipients = []
            while True:
                line = self.rfile.readline()
                if not line:
                    return
                command = line.decode("utf-8", "replace").strip()
                verb = command.split(" ")[0].upper()
                if verb in ("EHLO", "HELO"):
                    say("250 faults")
                elif verb == "MAIL":
                    recipients = []
                    say("250 OK")
                elif verb == "RCPT":
                    recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                    say("250 OK")
                elif verb == "DATA":
                    say("354 go on")
                    headers, in_headers = {}, True
                    while True:
                        data = self.rfile.readline()
                        if not data or data in (b".\r\n", b".\n"):
                            break
                        text = data.decode("utf-8", "replace").rstrip("\r\n")
                        if in_headers:
                            if text == "":
                                in_headers = False
                            elif ":" in text and not text[0].isspace():
                                name, value = text.split(":", 1)
                                headers[name.strip().lower()] = value.strip()
                    with lock, open(out, "a") as file:
                        for recipient in recipients:
                            file.write("%s\t%s\t%s\t%.3f\n" % (headers.get("message-id", ""), recipient,
                                                               headers.get("x-motcua-kind", ""), time.time()))
                    say("250 queued")
                elif verb == "QUIT":
                    say("221 bye")
                    return
                else:
                    say("250 OK")

    socketserver.ThreadingTCPServer.allow_reuse_address = True
    server = socketserver.ThreadingTCPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    server.serve_forever()


# ---------------------------------------------------------------------------------------------------- HTTP
def call(method, url, body=None, headers=None, timeout=30):
    """(status, json or None); status 0 when no answer came (refused, reset, timed out)."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method)
    request.add_header("Accept", "application/json")
    request.add_header("Accept-Language", "en")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            raw = response.read()
            return response.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        try:
            return e.code, json.loads(e.read() or b"null")
        except ValueError:
            return e.code, None
    except Exception:  # noqa: BLE001 - refused, reset, timed out: no answer
        return 0, None


def basic(user):
    import base64
    return "Basic " + base64.b64encode(("%s:%s" % (user, DEMO_PASSWORD)).encode()).decode()


def token(base, user):
    status, body = call("POST", base + "/api/v1/me/tokens", {"name": "faults", "days": 1},
                        {"Authorization": basic(user)})
    if status != 201 and status != 200:
        sys.exit("no token for %s: %s %s" % (user, status, body))
    return "Bearer " + body["token"]


# ---------------------------------------------------------------------------------------------------- load
def load(work):
    nodes = [os.environ["NODE_A"], os.environ["NODE_B"]]
    threads = int(os.environ.get("THREADS", "6"))
    kill_at = float(os.environ.get("KILL_AT", "10"))
    pg_restart_at = float(os.environ.get("PG_RESTART_AT", "20"))
    duration = float(os.environ.get("DURATION", "45"))
    base = nodes[0]
    tokens = {user: token(base, user) for user in ("tiepnhan", "chuyenvien.sxd", "lanhdao.sxd")}
    _, found = call("GET", base + "/api/public/procedures?q=giay+phep+xay+dung&size=1")
    procedure = found["items"][0]["code"]
    _, detail = call("GET", base + "/api/public/procedures/" + procedure)
    documents = [{"documentId": d["id"], "count": 1} for d in detail["documents"] if d["mandatory"]]

    log = []  # (t, kind, node, status, code, key)
    log_lock = threading.Lock()
    events = {}
    start = time.time()
    events["start_epoch"] = start
    stop = threading.Event()

    def record(kind, node, status, code=None, key=None, took=0.0, answer=None):
        entry = {"t": round(time.time() - start, 3), "kind": kind, "node": "AB"[node], "status": status,
                 "code": code, "key": key, "ms": round(took * 1000)}
        if status >= 400 and isinstance(answer, dict):
            entry["problem"] = (answer.get("detail") or answer.get("title") or "")[:90]
        with log_lock:
            log.append(entry)

    def worker(index):
        node = index % 2
        n = 0
        while not stop.is_set():
            n += 1
            key = "faults-%d-%d-%s" % (index, n, uuid.uuid4().hex[:8])
            body = {"procedureCode": procedure, "channel": "DIRECT", "decision": "ACCEPT",
                    "applicant": {"fullName": "Nguyễn Văn Thử Lỗi", "citizenId": "031085001234",
                                  "address": "18 Hoàng Diệu, Hồng Bàng, Hải Phòng", "email": key + "@faults.test"},
                    "documents": documents}
            began = time.time()
            status, answer = call("POST", nodes[node] + "/api/v1/dossiers", body,
                                  {"Authorization": tokens["tiepnhan"], "Idempotency-Key": key})
            code = answer.get("code") if status == 201 and answer else None
            record("intake", node, status, code, key, time.time() - began, answer)
            if status == 0 or status >= 500:
                # What a load balancer does with a node that does not answer: the next request goes to the other.
                node = 1 - node
                time.sleep(0.2)
                continue
            if code is None:
                continue
            for user in ("chuyenvien.sxd", "lanhdao.sxd"):
                began = time.time()
                status, answer = call("POST", nodes[node] + "/api/v1/dossiers/" + code + "/handover",
                                      {"note": "faults"}, {"Authorization": tokens[user]})
                record("handover", node, status, code, user, time.time() - began, answer)
                if status == 0 or status >= 500:
                    node = 1 - node
                    time.sleep(0.2)
                    break
                if status != 200:
                    break

    def faults():
        def at(seconds):
            while time.time() - start < seconds and not stop.is_set():
                time.sleep(0.1)

        at(kill_at)
        events["kill_at"] = time.time() - start
        subprocess.run(os.environ["KILL_NODE"], shell=True, executable="/bin/bash", check=False,
                       stdout=subprocess.DEVNULL)
        subprocess.Popen(os.environ["RESTART_NODE"], shell=True, executable="/bin/bash")
        # PostgreSQL restarts at its time, or once the killed node is back (it could not start without a database).
        at(pg_restart_at)
        while call("GET", nodes[1] + "/actuator/health/readiness", timeout=2)[0] != 200 and not stop.is_set():
            time.sleep(0.2)
        events["node_back_at"] = time.time() - start
        at(max(pg_restart_at, events["node_back_at"] + 3))
        events["pg_stop_at"] = time.time() - start
        subprocess.run(os.environ["PG_STOP"], shell=True, executable="/bin/bash", check=False,
                       stdout=subprocess.DEVNULL)
        events["pg_stopped_at"] = time.time() - start
        subprocess.run(os.environ["PG_START"], shell=True, executable="/bin/bash", check=False,
                       stdout=subprocess.DEVNULL)
        events["pg_up_at"] = time.time() - start

    workers = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(threads)]
    fault_thread = threading.Thread(target=faults, daemon=True)
    for t in workers:
        t.start()
    fault_thread.start()
    while True:
        time.sleep(0.5)
        elapsed = time.time() - start
        if elapsed >= duration and "pg_up_at" in events and elapsed >= events["pg_up_at"] + 15:
            break
        if elapsed > duration + 240:
            events["gave_up"] = elapsed
            break
    stop.set()
    for t in workers:
        t.join(timeout=40)
    events["end_at"] = time.time() - start
    with open(os.path.join(work, "client.json"), "w") as file:
        json.dump({"events": events, "log": log, "threads": threads}, file)
    print("load: %d requests in %.0f s" % (len(log), events["end_at"]))


# ---------------------------------------------------------------------------------------------------- checks
def sql(work, queries):
    """Each query's rows (lists of strings), through the PostgreSQL driver of the application's jar."""
    out = subprocess.run(["java", "-cp", os.path.join(work, "postgresql.jar"), os.path.join(work, "FaultsSql.java"),
                          os.environ["JDBC_URL"]] + queries, capture_output=True, text=True, check=True).stdout
    results, current = [], None
    for line in out.splitlines():
        if line == "#":
            current = []
            results.append(current)
        else:
            current.append(line.split("\t"))
    return results


def check(work):
    client = json.load(open(os.path.join(work, "client.json")))
    events, log = client["events"], client["log"]
    intakes = [r for r in log if r["kind"] == "intake"]
    acked = {r["code"] for r in intakes if r["status"] == 201}
    acked_keys = {r["key"] for r in intakes if r["status"] == 201}
    unknown_keys = [r["key"] for r in intakes if r["status"] == 0 or r["status"] >= 500]
    handovers_acked = collections.Counter(r["code"] for r in log if r["kind"] == "handover" and r["status"] == 200)
    handovers_unknown = collections.Counter(r["code"] for r in log if r["kind"] == "handover"
                                            and (r["status"] == 0 or r["status"] >= 500))

    rows = sql(work, [
        "select code, count(*) from dossier where applicant_email like '%@faults.test' group by code",
        "select code, count(*) from dossier group by code having count(*) > 1",
        "select split_part(applicant_email, '@', 1), count(*) from dossier where applicant_email like '%@faults.test'"
        " group by 1",
        "select d.code, count(h.*) from dossier d left join dossier_handover h on h.dossier_id = d.id"
        " and h.by_user in ('chuyenvien.sxd', 'lanhdao.sxd') where d.applicant_email like '%@faults.test'"
        " group by d.code",
        "select id, created_at, sent_at is not null, attempts, kind from outbox_message"
        " where recipient like '%@faults.test'",
        "select count(*) from spring_session",
    ])
    stored_codes = {r[0]: int(r[1]) for r in rows[0]}
    duplicate_codes = rows[1]
    by_key = {r[0]: int(r[1]) for r in rows[2]}
    handovers_stored = {r[0]: int(r[1]) for r in rows[3]}
    outbox = rows[4]

    missing = sorted(acked - stored_codes.keys())
    twice = [c for c, n in stored_codes.items() if n != 1]
    intake_doubled = [k for k, n in by_key.items() if n > 1]
    unknown_stored = sum(1 for k in unknown_keys if by_key.get(k, 0) > 0)
    lost, doubled = [], []
    for code in acked:
        stored = handovers_stored.get(code, 0)
        if stored < handovers_acked[code]:
            lost.append(code)
        if stored > handovers_acked[code] + handovers_unknown[code]:
            doubled.append(code)

    deliveries = collections.Counter()
    first_delivery = {}
    path = os.path.join(work, "deliveries.tsv")
    if os.path.exists(path):
        for line in open(path):
            message_id, _, _, at = line.rstrip("\n").split("\t")
            if "@faults.test" in line:
                deliveries[message_id] += 1
                first_delivery.setdefault(message_id, float(at) - events["start_epoch"])
    sent_rows = [r for r in outbox if r[2] == "t"]
    delivered_twice = sum(1 for n in deliveries.values() if n > 1)
    row_ids = {re.sub(r"[^0-9]", "", r[0]) for r in sent_rows}
    delivered_ids = {m.split(".")[1] for m in deliveries if m.startswith("<outbox.")}
    sent_not_delivered = len(row_ids - delivered_ids)

    # The cluster lock's runs, from both nodes' logs: a job never runs on both at once.
    runs = collections.defaultdict(list)
    pattern = re.compile(r"^(\S+)\s.*Job (\S+) (started|ended)")
    for node in ("a", "b"):
        open_runs = {}
        for name in sorted(f for f in os.listdir(work) if f.startswith("node-%s" % node) and f.endswith(".log")):
            for line in open(os.path.join(work, name), errors="replace"):
                m = pattern.search(line)
                if not m:
                    continue
                at = m.group(1)
                if m.group(3) == "started":
                    open_runs[m.group(2)] = at
                elif m.group(2) in open_runs:
                    runs[m.group(2)].append((open_runs.pop(m.group(2)), at, node))
    overlaps = 0
    for job, spans in runs.items():
        spans.sort()
        for i in range(1, len(spans)):
            if spans[i][0] < spans[i - 1][1] and spans[i][2] != spans[i - 1][2]:
                overlaps += 1

    def phase(t):
        if t < events.get("kill_at", 1e9):
            return "1 steady"
        if t < events.get("node_back_at", 1e9):
            return "2 node B killed (kill -9) until back"
        if t < events.get("pg_stop_at", 1e9):
            return "3 both nodes"
        if t < events.get("pg_up_at", 1e9) + 10:
            return "4 PostgreSQL restart (+10 s)"
        return "5 after"

    by_phase = collections.defaultdict(collections.Counter)
    latencies = collections.defaultdict(list)
    problems = collections.Counter()
    for r in log:
        by_phase[phase(r["t"])][r["status"]] += 1
        latencies[phase(r["t"])].append(r["ms"])
        if r["status"] >= 400:
            problems[(phase(r["t"]), r["kind"], r["status"], r.get("problem"))] += 1
    twice_by_phase = collections.Counter(phase(first_delivery[m]) for m, n in deliveries.items() if n > 1)

    def first_success_after(t0):
        after = [r["t"] for r in log if r["t"] >= t0 and r["status"] in (200, 201)]
        return min(after) - t0 if after else None

    def last_failure_before(t0, t1):
        failed = [r["t"] for r in log if t0 <= r["t"] < t1 and (r["status"] == 0 or r["status"] >= 500)]
        return max(failed) - t0 if failed else 0.0

    print()
    print("== figures (%d client threads, %.0f s of load)" % (client["threads"], events["end_at"]))
    print("faults: node B kill -9 at %.1f s, back (ready) at %.1f s; PostgreSQL stopped (immediate) at %.1f s, "
          "up again at %.1f s" % (events.get("kill_at", -1), events.get("node_back_at", -1),
                                   events.get("pg_stop_at", -1), events.get("pg_up_at", -1)))
    print("intake requests: %d; acknowledged (201): %d; stored (of the acknowledged): %d; missing: %d; "
          "stored more than once: %d" % (len(intakes), len(acked), len(acked & stored_codes.keys()), len(missing),
                                          len(twice)))
    print("duplicate dossier codes in the whole table: %d; an intake request stored twice: %d" % (
        len(duplicate_codes), len(intake_doubled)))
    print("intakes without an answer (no answer or 5xx): %d, of which stored anyway: %d (the client did not retry)" % (
        len(unknown_keys), unknown_stored))
    print("hand-overs acknowledged (200): %d; lost (acknowledged, not in the history): %d; doubled (more in the "
          "history than requested): %d; without an answer: %d" % (
              sum(handovers_acked.values()), len(lost), len(doubled), sum(handovers_unknown.values())))
    print("notices to the load's applicants: %d in the outbox, %d marked sent, %d deliveries received, "
          "delivered more than once: %d, marked sent but never received: %d" % (
              len(outbox), len(sent_rows), sum(deliveries.values()), delivered_twice, sent_not_delivered))
    print("per-cluster jobs (cluster lock): %s; runs on both nodes at once: %d" % (
        ", ".join("%s %d (A %d, B %d)" % (job, len(s), sum(1 for x in s if x[2] == "a"),
                                          sum(1 for x in s if x[2] == "b")) for job, s in sorted(runs.items()))
        or "none seen", overlaps))
    print("responses by phase (status: count; 0 = no answer: refused, reset or timed out):")
    for name in sorted(by_phase):
        ms = sorted(latencies[name])
        print("  %-40s %s; latency p95 %d ms, max %d ms" % (
            name, ", ".join("%s: %d" % (s, n) for s, n in sorted(by_phase[name].items())),
            ms[int(len(ms) * 0.95)] if ms else 0, ms[-1] if ms else 0))
    for (name, kind, status, problem), n in sorted(problems.items()):
        print("  refused or failed: %-32s %-8s %d %s: %d" % (name, kind, status, problem or "", n))
    if twice_by_phase:
        print("  notices delivered twice, by the phase of their first delivery: %s" % ", ".join(
            "%s: %d" % item for item in sorted(twice_by_phase.items())))
    if "kill_at" in events:
        print("recovery after kill -9: last failed request %.1f s after the kill; node B ready again after %.1f s" % (
            last_failure_before(events["kill_at"], events.get("node_back_at", 1e9)),
            events.get("node_back_at", 0) - events["kill_at"]))
    if "pg_stop_at" in events:
        print("recovery after the PostgreSQL restart: server down %.1f s; last failed request %.1f s after the stop; "
              "first success %.1f s after it was up" % (
                  events["pg_up_at"] - events["pg_stop_at"],
                  last_failure_before(events["pg_stop_at"], events["end_at"]),
                  first_success_after(events["pg_up_at"]) or -1))
    failed = bool(missing or twice or duplicate_codes or intake_doubled or lost or doubled or overlaps
                  or delivered_twice or sent_not_delivered)
    print("RESULT: %s" % ("FAILED" if failed else "every check passed"))
    return 1 if failed else 0


if __name__ == "__main__":
    if sys.argv[1] == "smtp":
        smtp(int(sys.argv[2]), sys.argv[3])
    elif sys.argv[1] == "load":
        load(sys.argv[2])
    elif sys.argv[1] == "check":
        sys.exit(check(sys.argv[2]))
