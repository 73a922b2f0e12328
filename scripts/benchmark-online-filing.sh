#!/usr/bin/env bash
# Benchmark of online filing through the citizens' API (target: >= 100 submissions per second on two cores): each
# client begins a draft, uploads one 200 KB PDF for the procedure's mandatory document and submits the draft, which
# registers the dossier NEW at the desk with its file; three calls per submission, each client with its own bearer
# token of the demo citizen (HTTP Basic would spend a BCrypt check per call). Every file differs from the others
# (its first line numbers it), so each is hashed and written to the file store as a real upload would be. Starts the
# packaged application on a fresh embedded database in a temporary directory, runs wrk on loopback, and stops the
# application. Needs wrk and python3. Usage: scripts/benchmark-online-filing.sh [duration, default 30s] [clients,
# default 16]. Installs wrk with apt-get when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
clients="${2:-16}"
port=18084
base="http://127.0.0.1:$port"
data=$(mktemp -d)
if ! command -v wrk > /dev/null; then   # Debian and Ubuntu package it; elsewhere install wrk by hand
    if [ "$(id -u)" -eq 0 ]; then apt-get install -y -qq wrk > /dev/null; else sudo apt-get install -y -qq wrk > /dev/null; fi
fi
[ -f target/motcua.jar ] || ./mvnw -B -q package -DskipTests
java -jar target/motcua.jar --server.port=$port --motcua.data-dir="$data" --logging.level.root=WARN \
    --motcua.demo.history-dossiers=0 > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
    curl -sf "$base/actuator/health" > /dev/null && break
    sleep 1
done
# One bearer token per client, all of the demo citizen (level 2).
tokens=""
for i in $(seq 1 "$clients"); do
    token=$(curl -sf -u congdan:Demo@12345 -H 'Content-Type: application/json' \
        -d "{\"name\":\"benchmark $i\",\"days\":1}" "$base/api/citizen/v1/me/tokens" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
    tokens="$tokens${tokens:+,}$token"
done
export TOKENS="$tokens"
# A certified extract of the civil status register (fully online, one mandatory document): its code and document.
export PROCEDURE=2.000635.000.00.00.H27
export DOCUMENT=$(curl -sf "$base/api/public/procedures/$PROCEDURE" | python3 -c '
import json, sys
print(next(d["id"] for d in json.load(sys.stdin)["documents"] if d["mandatory"]))')
# CPU time (clock ticks) of the application and of its embedded PostgreSQL (the server, which the library detaches, and
# its backends): unlike the throughput, a figure that holds on a machine busy with other work.
cpu_ticks() {
    local p total=0
    for p in "$@"; do
        [ -r "/proc/$p/stat" ] || continue
        total=$((total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13 + $14 + $15}')))
    done
    echo "$total"
}
database_pids() {
    local postmaster
    postmaster=$(pgrep -f -- "-D $data/postgres" | head -1)
    [ -n "$postmaster" ] && echo "$postmaster" $(pgrep -P "$postmaster")
}
wrk -t4 -c4 -d5s -s scripts/online-filing.lua "$base" > /dev/null   # warm-up
echo "== online submissions: $clients clients, back to back"
before=$(curl -sf -u tiepnhan:Demo@12345 "$base/api/v1/dossiers?status=NEW&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
app_before=$(cpu_ticks $app); db_before=$(cpu_ticks $(database_pids))
wrk -t"$clients" -c"$clients" -d"$duration" -s scripts/online-filing.lua "$base"
app_after=$(cpu_ticks $app); db_after=$(cpu_ticks $(database_pids))
after=$(curl -sf -u tiepnhan:Demo@12345 "$base/api/v1/dossiers?status=NEW&size=1" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "== dossiers registered online: $after"
python3 - $((app_after - app_before)) $((db_after - db_before)) $((after - before)) "$(getconf CLK_TCK)" <<'EOF'
import sys
app, db, n, hz = (int(a) for a in sys.argv[1:])
per = lambda ticks: 1000 * ticks / hz / max(n, 1)
print(f"== server CPU per submission: {per(app + db):.1f} ms (application {per(app):.1f} ms, database {per(db):.1f} ms)")
EOF
