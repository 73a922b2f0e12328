#!/usr/bin/env bash
# Benchmark of dossier intake over the API (target: >= 300 accepted dossiers per second on the embedded
# PostgreSQL) and of the public look-up (target: p99 < 20 ms at 200 concurrent clients). Starts the packaged
# application on a fresh embedded database in a temporary directory, authenticates the desk with a bearer
# token (HTTP Basic would spend a BCrypt check per call), runs wrk on loopback, and stops the application.
# Needs wrk and python3. Usage: scripts/benchmark-dossier.sh [duration, default 30s]
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
port=18082
base="http://127.0.0.1:$port"
data=$(mktemp -d)
[ -f target/motcua.jar ] || ./mvnw -B -q package -DskipTests
java -jar target/motcua.jar --server.port=$port --motcua.data-dir="$data" --logging.level.root=WARN \
    > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
    curl -sf "$base/actuator/health" > /dev/null && break
    sleep 1
done
export TOKEN=$(curl -sf -u tiepnhan:Demo@12345 -H 'Content-Type: application/json' \
    -d '{"name":"benchmark","days":1}' "$base/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
# An accepted desk intake of the first demo construction permit, with its mandatory documents.
export INTAKE_BODY="$data/intake.json"
curl -sf "$base/api/public/procedures?q=giay+phep+xay+dung&size=1" | python3 -c '
import json, sys, urllib.request
code = json.load(sys.stdin)["items"][0]["code"]
procedure = json.load(urllib.request.urlopen(sys.argv[1] + "/api/public/procedures/" + code))
print(json.dumps({"procedureCode": code, "channel": "DIRECT", "decision": "ACCEPT",
    "applicant": {"fullName": "Nguyễn Văn Đo Tải", "citizenId": "031085001234", "phone": "0912345678",
                  "address": "18 Hoàng Diệu, Hồng Bàng, Hải Phòng"},
    "documents": [{"documentId": d["id"], "count": 1} for d in procedure["documents"] if d["mandatory"]]}))
' "$base" > "$INTAKE_BODY"
wrk -t2 -c8 -d5s -s scripts/dossier-intake.lua "$base/api/v1/dossiers" > /dev/null   # warm-up
echo "== intake: 16 clients, back to back"
wrk -t2 -c16 -d"$duration" -s scripts/dossier-intake.lua "$base/api/v1/dossiers"
total=$(curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/dossiers?size=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])')
echo "dossiers in the database: $total"
# 200 codes and PINs to look up.
export LOOKUPS="$data/lookups.txt"
curl -sf -H "Authorization: Bearer $TOKEN" "$base/api/v1/dossiers?size=100" | python3 -c '
import json, sys, urllib.request
for item in json.load(sys.stdin)["items"]:
    request = urllib.request.Request(sys.argv[1] + "/api/v1/dossiers/" + item["code"],
                                     headers={"Authorization": "Bearer " + sys.argv[2]})
    detail = json.load(urllib.request.urlopen(request))
    print(detail["code"], detail["lookupPin"])
' "$base" "$TOKEN" > "$LOOKUPS"
THINK_MS=0 wrk -t2 -c20 -d5s -s scripts/dossier-lookup.lua "$base" > /dev/null   # warm-up
echo "== look-up: 200 clients, back to back"
THINK_MS=0 wrk -t2 -c200 -d"$duration" -s scripts/dossier-lookup.lua "$base"
echo "== look-up: 200 clients, each pausing ~${THINK_MS:-200} ms between look-ups"
THINK_MS="${THINK_MS:-200}" wrk -t2 -c200 -d"$duration" -s scripts/dossier-lookup.lua "$base"
