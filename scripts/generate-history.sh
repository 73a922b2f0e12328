#!/usr/bin/env bash
# Scale-test data: loads N historical dossiers (default 1,000,000) received by the Office's one-stop desk
# over YEARS years (default 10), with the realistic status mix of the demo history (mostly returned), and
# reports the generation rate. Each dossier is replayed through the aggregate and written in batches.
#
# Target database: the PostgreSQL server named by SPRING_DATASOURCE_URL (with _USERNAME/_PASSWORD) if set —
# it should be an empty database: the demo organisation, accounts and catalogue are loaded into it first,
# and the history is only generated while the dossier table is empty. Otherwise a fresh embedded database in
# DATA_DIR (default: a new temporary directory, kept afterwards so that it can be started with
# --motcua.data-dir=DIR). The application is started, loads everything in one transaction, and is stopped.
# Usage: scripts/generate-history.sh [N] [YEARS]
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"
years="${2:-10}"
port="${PORT:-18084}"
data="${DATA_DIR:-$(mktemp -d)}"
[ -f target/motcua.jar ] || ./mvnw -B -q package -DskipTests
log="$data/generate-history.log"
mkdir -p "$data"
java ${JAVA_OPTS:--Xmx2g} -jar target/motcua.jar --server.port="$port" --motcua.data-dir="$data" \
    --motcua.demo-data=true --motcua.demo.history-dossiers="$count" --motcua.demo.history-years="$years" \
    > "$log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true' EXIT
start=$(date +%s)
while kill -0 $app 2> /dev/null; do
    if grep -q "Demo data ready" "$log"; then
        break
    fi
    sleep 2
done
grep -E "Dossier history|Demo data ready" "$log" | sed -E 's/^.*(DossierHistory|DemoData) *: //' || true
grep -q "Demo data ready" "$log" || { echo "generation failed, see $log"; tail -50 "$log"; exit 1; }
echo "wall time including start-up: $(( $(date +%s) - start )) s; data: ${SPRING_DATASOURCE_URL:-$data}"
