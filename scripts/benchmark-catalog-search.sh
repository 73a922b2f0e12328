#!/usr/bin/env bash
# Benchmark of the public catalogue search over 2,000 synthetic procedures plus the demo catalogue
# (target: p95 < 20 ms at 50 concurrent clients). Starts the packaged application on its own embedded
# database in a temporary directory, loads the procedures, runs wrk from a second process on loopback,
# and stops the application. Needs wrk (apt-get install wrk).
# Usage: scripts/benchmark-catalog-search.sh [duration, default 30s] [connections, default 50]
# Two runs: back-to-back requests (saturation: throughput and its latency), then the same clients each
# pausing THINK_MS (default 100 ms) between searches, as people typing do (latency at a realistic load).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-30s}"
connections="${2:-50}"
port=18080
data=$(mktemp -d)
[ -f target/motcua.jar ] || ./mvnw -B -q package -DskipTests
java -jar target/motcua.jar --server.port=$port --motcua.data-dir="$data" --motcua.demo-data=true \
    --motcua.demo.synthetic-procedures=2000 --logging.level.root=WARN > "$data/app.log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 180); do
    curl -sf "http://127.0.0.1:$port/actuator/health" > /dev/null && break
    sleep 1
done
total=$(curl -sf "http://127.0.0.1:$port/api/public/procedures?size=1" | sed -E 's/.*"total":([0-9]+).*/\1/')
echo "published procedures: $total"
wrk -t2 -c10 -d5s -s scripts/catalog-search.lua "http://127.0.0.1:$port" > /dev/null   # warm-up
echo "== $connections clients, back to back"
THINK_MS=0 wrk -t2 -c"$connections" -d"$duration" -s scripts/catalog-search.lua "http://127.0.0.1:$port"
echo "== $connections clients, each pausing ~${THINK_MS:-100} ms between searches"
THINK_MS="${THINK_MS:-100}" wrk -t2 -c"$connections" -d"$duration" -s scripts/catalog-search.lua "http://127.0.0.1:$port"
