#!/usr/bin/env bash
# Benchmark of whole dossier lifecycles through the API (target: >= 150 dossiers per second on this
# machine): intake and acceptance at the desk → the specialist hands over → the leader hands over (result
# ready) → the desk returns the result; four calls per dossier, each by its own user with a bearer token
# (HTTP Basic would spend a BCrypt check per call). Starts the packaged application on a fresh embedded
# database in a temporary directory, runs wrk on loopback, and stops the application.
# Needs wrk and python3. Usage: scripts/benchmark-lifecycle.sh [duration, default 30s] [clients, default 16]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
clients="${2:-16}"
port=18083
base="http://127.0.0.1:$port"
data=$(mktemp -d)
[ -f target/motcua.jar ] || ./mvnw -B -q package -DskipTests
java -jar target/motcua.jar --server.port=$port --motcua.data-dir="$data" --logging.level.root=WARN \
    --motcua.demo.history-dossiers=0 > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
    curl -sf "$base/actuator/health" > /dev/null && break
    sleep 1
done
token() {
    curl -sf -u "$1:Demo@12345" -H 'Content-Type: application/json' -d '{"name":"benchmark","days":1}' \
        "$base/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
export DESK_TOKEN=$(token tiepnhan) SPECIALIST_TOKEN=$(token chuyenvien.sxd) LEADER_TOKEN=$(token lanhdao.sxd)
# A construction permit (desk VP.MC → SXD.QLXD specialist → SXD.LD leader → desk), its mandatory documents,
# and an applicant with neither e-mail nor phone (notices are measured by the outbox tests, not here).
export INTAKE_BODY="$data/intake.json"
curl -sf "$base/api/public/procedures?q=giay+phep+xay+dung&size=1" | python3 -c '
import json, sys, urllib.request
code = json.load(sys.stdin)["items"][0]["code"]
procedure = json.load(urllib.request.urlopen(sys.argv[1] + "/api/public/procedures/" + code))
print(json.dumps({"procedureCode": code, "channel": "DIRECT", "decision": "ACCEPT",
    "applicant": {"fullName": "Nguyễn Văn Đo Tải", "citizenId": "031085001234",
                  "address": "18 Hoàng Diệu, Hồng Bàng, Hải Phòng"},
    "documents": [{"documentId": d["id"], "count": 1} for d in procedure["documents"] if d["mandatory"]]}))
' "$base" > "$INTAKE_BODY"
wrk -t4 -c4 -d5s -s scripts/dossier-lifecycle.lua "$base" > /dev/null   # warm-up
echo "== lifecycles: $clients clients, back to back"
wrk -t"$clients" -c"$clients" -d"$duration" -s scripts/dossier-lifecycle.lua "$base"
