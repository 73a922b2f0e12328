#!/usr/bin/env bash
# Benchmark of the work queues and the statutory statistics on a large history (target: with 1,000,000
# historical dossiers, work queue p95 < 50 ms, statistics < 1 s). Give it the data directory that
# scripts/generate-history.sh filled (an embedded database), or set SPRING_DATASOURCE_URL; it starts the
# packaged application on it, runs wrk on loopback with bearer tokens, and stops the application.
# Needs wrk and python3. Usage: scripts/benchmark-queues.sh DATA_DIR [duration, default 30s]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:?usage: scripts/benchmark-queues.sh DATA_DIR [duration]}"
duration="${2:-30s}"
port=18085
base="http://127.0.0.1:$port"
jar="${JAR:-target/motcua.jar}"
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
java -jar "$jar" --server.port=$port --motcua.data-dir="$data" --logging.level.root=WARN > "$data/benchmark-queues.log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true' EXIT
for _ in $(seq 1 300); do
    curl -sf "$base/actuator/health" > /dev/null && break
    sleep 1
done
token() {
    curl -sf -u "$1:Demo@12345" -H 'Content-Type: application/json' -d '{"name":"benchmark","days":1}' \
        "$base/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
specialist=$(token chuyenvien.sxd)
desk=$(token tiepnhan)
monitor=$(token giamsat)
count=$(curl -sf -H "Authorization: Bearer $monitor" \
    "$base/api/v1/reports/dossiers?from=$(date -d '10 years ago 1 day' +%F)&to=$(date +%F)&groupBy=agency" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"]["received"])')
echo "dossiers received in the last 10 years: $count"
run() {  # name, token, clients, path
    echo "== $1 ($3 clients)"
    TOKEN="$2" wrk -t2 -c"$3" -d5s -s scripts/get-with-token.lua "$base$4" > /dev/null   # warm-up
    TOKEN="$2" wrk -t2 -c"$3" -d"$duration" -s scripts/get-with-token.lua "$base$4" | tail -4
}
run "work queue of the appraisal unit, all" "$specialist" 4 "/api/v1/work-queue?scope=unit&due=all&size=20"
run "work queue of the appraisal unit, all" "$specialist" 16 "/api/v1/work-queue?scope=unit&due=all&size=20"
run "work queue of the appraisal unit, overdue" "$specialist" 16 "/api/v1/work-queue?scope=unit&due=overdue&size=20"
run "work queue of the desk, due within a working day" "$desk" 16 "/api/v1/work-queue?scope=unit&due=soon&size=20"
year_ago=$(date -d '1 year ago' +%F)
run "statistics, last year by field (monitor)" "$monitor" 2 "/api/v1/reports/dossiers?from=$year_ago&to=$(date +%F)&groupBy=field"
run "statistics, 6 months by agency (monitor)" "$monitor" 2 "/api/v1/reports/dossiers?from=$(date -d '6 months ago' +%F)&to=$(date +%F)&groupBy=agency"
