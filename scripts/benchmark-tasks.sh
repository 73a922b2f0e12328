#!/usr/bin/env bash
# Benchmark of the assigned tasks' statistics and lists with 100,000 tasks (how the dashboard queries
# behave at that size). Starts the application on an embedded database in DATA_DIR (default
# target/bench-tasks, demo data loaded on its first start), loads 100,000 tasks of the Office over 10 years with
# psql (scripts/benchmark-tasks.sql, only once: they are kept in DATA_DIR for the next run), then runs wrk on
# loopback with bearer tokens, at 1 and 8 connections, prints a table of requests/s and p50/p95, times one full
# XLSX export and stops the application.
# Needs wrk, psql and python3. Usage: scripts/benchmark-tasks.sh [DATA_DIR] [duration, default 20s]
set -euo pipefail
cd "$(dirname "$0")/.."
data="${1:-target/bench-tasks}"
duration="${2:-20s}"
port="${PORT:-18086}"
base="http://127.0.0.1:$port"
jar="${JAR:-target/motcua.jar}"
mkdir -p "$data"
data="$(cd "$data" && pwd)"
log="$data/benchmark-tasks.log"
bootable() {  # an executable Spring Boot jar (a failed repackage leaves a plain one behind)
    [ -f "$jar" ] && python3 - "$jar" <<< 'import sys, zipfile
sys.exit(0 if any(n.startswith("BOOT-INF/") for n in zipfile.ZipFile(sys.argv[1]).namelist()) else 1)'
}
if bootable || { ./mvnw -B -q package -DskipTests > "$data/build.log" 2>&1 && bootable; }; then
    launch=(java -jar "$jar")
else
    # No executable jar (e.g. Maven offline without the repackage plugin's dependencies): run the compiled
    # classes on the project's resolved class path, as printed by the compiler plugin (test-classes left out).
    mvn -B -o -q compile > "$data/build.log" 2>&1
    cp=$(mvn -B -o -X compiler:testCompile 2> /dev/null | sed -n 's/.*(f) testPath = \[\(.*\)\]$/\1/p' | head -1 \
        | tr -d ' ' | tr ',' '\n' | grep -v '/test-classes$' | paste -sd:)
    [ -n "$cp" ] || { echo "could not build the application, see $data/build.log"; exit 1; }
    launch=(java -cp "$cp" vn.motcua.MotcuaApplication)
fi
"${launch[@]}" --server.port="$port" --motcua.data-dir="$data" --logging.level.root=WARN \
    --logging.level.vn.motcua.platform.DemoData=INFO > "$log" 2>&1 &
app=$!
trap 'kill $app 2> /dev/null; wait $app 2> /dev/null || true' EXIT
# Up once the demo data is in (the HTTP port opens before the application runners have run).
for _ in $(seq 1 300); do
    grep -q "Demo data ready" "$log" && curl -sf "$base/actuator/health" > /dev/null && break
    kill -0 $app 2> /dev/null || { echo "the application stopped, see $log"; tail -30 "$log"; exit 1; }
    sleep 1
done
grep -q "Demo data ready" "$log" || { echo "the application did not start, see $log"; exit 1; }

# The embedded server: its port is on line 4 of postmaster.pid, its superuser's password in postgres.password.
pgport=$(sed -n 4p "$data/postgres/postmaster.pid")
export PGPASSWORD
PGPASSWORD=$(cat "$data/postgres.password")
sql() { psql -h 127.0.0.1 -p "$pgport" -U postgres -d postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
loaded=$(sql -At -c "select count(*) from assigned_task where created_by = 'benchmark'")
if [ "$loaded" -eq 0 ]; then
    start=$(date +%s)
    sql -1 -f scripts/benchmark-tasks.sql > /dev/null
    echo "loaded 100,000 tasks in $(( $(date +%s) - start )) s"
fi
sql -c "vacuum analyze assigned_task" -c "vacuum analyze task_extension" -c "vacuum analyze task_event"
sql -c "select count(*) as tasks, count(*) filter (where completed_on is not null) as completed,
               count(*) filter (where completed_on > due_date) as late,
               count(*) filter (where completed_on is null and due_date < current_date) as open_overdue,
               count(*) filter (where due_date is null) as no_due_date,
               count(*) filter (where due_changed_on is not null) as extended,
               min(assigned_on) as first_assigned, max(assigned_on) as last_assigned,
               (select count(*) from task_event) as events
        from assigned_task where agency_code = '000.00.01.H27'"

token() {
    curl -sf -u "$1:Demo@12345" -H 'Content-Type: application/json' -d '{"name":"benchmark","days":1}' \
        "$base/api/v1/me/tokens" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])'
}
leader=$(token lanhdao)
specialist=$(token chuyenvien)

results=()
load=$(cut -d' ' -f1-3 /proc/loadavg)
run() {  # name, token, connections, path
    local status threads=$(( $3 < 2 ? 1 : 2 )) out
    status=$(curl -s -o /dev/null -w '%{http_code}' ${2:+-H "Authorization: Bearer $2"} \
        ${COOKIE:+-b "$COOKIE"} "$base$4")
    [ "$status" = 200 ] || { echo "$1: HTTP $status for $4"; exit 1; }
    TOKEN="$2" wrk -t$threads -c"$3" -d3s -s scripts/get-with-token.lua "$base$4" > /dev/null   # warm-up
    out=$(TOKEN="$2" wrk -t$threads -c"$3" -d"$duration" -s scripts/get-with-token.lua "$base$4")
    local rate p50 p95 errors
    rate=$(sed -n 's/^requests: [0-9]*, \([0-9]*\) per second.*/\1/p' <<< "$out")
    errors=$(sed -n 's/^requests: .*errors: \([0-9]*\)$/\1/p' <<< "$out")
    p50=$(sed -n 's/^p50: \(.*\) ms$/\1/p' <<< "$out")
    p95=$(sed -n 's/^p95: \(.*\) ms$/\1/p' <<< "$out")
    results+=("$(printf '%-44s %5s %9s %9s %9s %7s' "$1" "$3" "$rate" "$p50" "$p95" "$errors")")
    echo "${results[-1]}"
}
# The dashboard page as a leader's browser asks for it: a session cookie from the login form.
jar_cookies="$data/cookies.txt"
csrf=$(curl -sf -c "$jar_cookies" "$base/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -sf -b "$jar_cookies" -c "$jar_cookies" -o /dev/null -d "username=lanhdao&password=Demo%4012345&_csrf=$csrf" \
    "$base/login"
session=$(awk '$6 == "JSESSIONID" {print $7}' "$jar_cookies")
page() {  # name, connections, path: with the session cookie instead of a token
    COOKIE="JSESSIONID=$session" run "$1" "" "$2" "$3"
}
header=$(printf '%-44s %5s %9s %9s %9s %7s' endpoint conns 'req/s' 'p50 ms' 'p95 ms' errors)
echo "$header"
for c in 1 8; do
    run "statistics today (lanhdao)" "$leader" $c "/api/v1/tasks/statistics"
    run "statistics asOf=2019-09-25 (lanhdao)" "$leader" $c "/api/v1/tasks/statistics?asOf=2019-09-25"
    run "statistics by unit (lanhdao)" "$leader" $c "/api/v1/tasks/statistics/by-unit"
    run "statistics by leader (lanhdao)" "$leader" $c "/api/v1/tasks/statistics/by-leader"
    run "list overdue, first page (lanhdao)" "$leader" $c "/api/v1/tasks?status=in_progress_overdue&size=20"
    run "list default, first page (lanhdao)" "$leader" $c "/api/v1/tasks?size=20"
    run "list search q=bao cao (lanhdao)" "$leader" $c "/api/v1/tasks?q=bao%20cao"
    run "list default, first page (chuyenvien)" "$specialist" $c "/api/v1/tasks?size=20"
    page "dashboard page /tasks (lanhdao)" $c "/tasks"
done
export=$(curl -sf -o "$data/tasks.xlsx" -w '%{time_total}' -H "Authorization: Bearer $leader" \
    "$base/api/v1/tasks/export?format=xlsx")
echo
echo "== $duration per run, wrk on loopback, $(nproc) cores; load average before: $load, after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$header"
printf '%s\n' "${results[@]}"
echo "full XLSX export (lanhdao): ${export} s, $(stat -c %s "$data/tasks.xlsx") bytes"
