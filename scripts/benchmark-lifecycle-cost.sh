#!/usr/bin/env bash
# Cost of one dossier lifecycle (intake and acceptance at the desk → the specialist hands over → the leader
# hands over → the desk returns the result; the same four API calls as benchmark-lifecycle.sh, each user with
# a bearer token): SQL statements, commits, WAL bytes and application CPU per lifecycle, and the statements
# that are called most. Throughput is benchmark-lifecycle.sh's business; this script counts what one
# dossier costs, so it runs the lifecycles ONE AFTER THE OTHER from a single client.
#
# How it measures:
# - The packaged application (target/motcua.jar; built when missing or with --rebuild) runs on a PostgreSQL
#   with pg_stat_statements loaded (track_utility=on, so BEGIN and COMMIT count as statements), with
#   --motcua.demo-data=true --motcua.demo.history-dossiers=0, and prepareThreshold=0 added to its JDBC URL:
#   PostgreSQL 15's pg_stat_statements counts a server-prepared utility statement only at its first execution
#   (fixed in 16), and the driver prepares its COMMIT on the server after the fifth use on a connection, so
#   without it most COMMITs would be missing. The statements sent are the same; only the driver's statement
#   cache on the server is off. The demo data load is vacuumed and analysed before the warm-up, so that its
#   autovacuum does not fall into the measurement.
# - WARMUP lifecycles (default 50), an 11 s pause (backends report their commits to pg_stat_database up to
#   10 s late), a CHECKPOINT (so that every run starts from the same point: the first change of each page after
#   it writes a full-page image, as after any checkpoint in production), then pg_stat_statements is reset for
#   the application's database and the commit counter and WAL position are read.
# - LIFECYCLES lifecycles (default 300), one after the other; the java process's utime+stime from
#   /proc/<pid>/stat is read just before and just after them (application CPU).
# - 11 s pause again, then the deltas: every statement and every commit of the application's database (its
#   background jobs — outbox poller, catalogue and calendar refresh — and autovacuum included, also during
#   the final pause: they are part of the cost), and WAL bytes = pg_wal_lsn_diff of the WAL insert position
#   over the same window (the insert position, as asynchronous commits leave WAL unwritten for a while), for
#   the whole server (checkpoints and full-page images included; the split is shown when pg_waldump can read
#   the WAL, with the WAL by record type). The script's own queries run in another database (postgres) and
#   are filtered out by dbid.
#
# Which PostgreSQL:
# - By default the script starts its own: initdb with the newest Debian binaries under
#   /usr/lib/postgresql/*/bin (or PG_BIN=/path/to/bin) into a temporary directory, on a free port, listening
#   on 127.0.0.1 only (run as user postgres when the script runs as root), and stops and deletes it at exit.
#   The machine's shared server on port 5432 is never used in this mode.
# - Or it is given one, with pg_stat_statements in shared_preload_libraries and an EMPTY database for the
#   application (the demo data are loaded into it; the script does not drop it afterwards):
#     COST_JDBC_URL=jdbc:postgresql://host:port/dbname   COST_DB_USER=...   COST_DB_PASSWORD=...
#     COST_PSQL='host=... port=... dbname=postgres user=...'   (libpq connection for the measurements: a
#       role that may read every role's pg_stat_statements, reset them, CHECKPOINT and VACUUM the
#       application's database — e.g. a superuser — connected to ANOTHER database, where CREATE EXTENSION
#       pg_stat_statements has been run; key=value form, as dbname=<application's> is appended once)
#     COST_WAL_DIR=/path/to/pg_wal (optional: the server's WAL directory, readable here, for the FPI split)
#
# Usage: scripts/benchmark-lifecycle-cost.sh [--rebuild]
#   env: LIFECYCLES (300), WARMUP (50), TOP (20 statements listed), REBUILD=1 (same as --rebuild)
# Needs java, python3, psql, and (own server) initdb/pg_ctl/postgres with pg_stat_statements; the Maven wrapper builds.
set -euo pipefail
cd "$(dirname "$0")/.."

lifecycles="${LIFECYCLES:-300}"
warmup="${WARMUP:-50}"
top="${TOP:-20}"
rebuild="${REBUILD:-0}"
for arg in "$@"; do
    case "$arg" in
        --rebuild) rebuild=1 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $arg (see --help)" >&2; exit 2 ;;
    esac
done

fail() { echo "benchmark-lifecycle-cost: $*" >&2; exit 1; }
need() { command -v "$1" > /dev/null || fail "missing prerequisite: $1 ($2)"; }
need java "a JDK 17 runs the packaged application"
need python3 "drives the lifecycles"
need psql "reads the counters (Debian: apt-get install postgresql-client)"
[ -r /proc/self/stat ] || fail "missing prerequisite: /proc (application CPU is read from /proc/<pid>/stat)"
ticks=$(getconf CLK_TCK)

if [ -n "${COST_JDBC_URL:-}" ]; then
    for v in COST_DB_USER COST_DB_PASSWORD COST_PSQL; do
        [ -n "${!v:-}" ] || fail "COST_JDBC_URL is set but $v is not (see the header of $0)"
    done
    own_server=0
else
    own_server=1
    if [ -z "${PG_BIN:-}" ]; then
        PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1 || true)
    fi
    [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_ctl" ] \
        || fail "missing prerequisite: PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin" \
                "or PG_BIN (Debian: apt-get install postgresql), or give a server with COST_JDBC_URL"
    [ -f "$("$PG_BIN/pg_config" --pkglibdir 2> /dev/null || echo /nonexistent)/pg_stat_statements.so" ] \
        || [ -f "$(dirname "$PG_BIN")/lib/pg_stat_statements.so" ] \
        || fail "missing prerequisite: pg_stat_statements.so for $PG_BIN (Debian: postgresql-contrib)"
    run_pg=()
    if [ "$(id -u)" = 0 ]; then
        id postgres > /dev/null 2>&1 || fail "running as root: PostgreSQL must run as another user, and user postgres is missing"
        need runuser "runs PostgreSQL as user postgres"
        run_pg=(runuser -u postgres --)
    fi
fi

if [ "$rebuild" = 1 ] || [ ! -f target/motcua.jar ]; then
    echo "== building target/motcua.jar"
    ./mvnw -B -q package -DskipTests
fi

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

work=$(mktemp -d)
app=""
pg_started=0
cleanup() {
    set +e
    if [ -n "$app" ]; then kill "$app" 2> /dev/null; wait "$app" 2> /dev/null; fi
    if [ "$pg_started" = 1 ]; then "${run_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -m fast -w stop > /dev/null 2>&1; fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if [ "$own_server" = 1 ]; then
    [ ${#run_pg[@]} -eq 0 ] || chown postgres "$work"
    pg_port=$(free_port)
    password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
    "${run_pg[@]}" "$PG_BIN/initdb" -D "$work/pg" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --encoding=UTF8 --locale=C.UTF-8 > "$work/initdb.log" 2>&1 || { cat "$work/initdb.log" >&2; fail "initdb failed"; }
    cat >> "$work/pg/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $pg_port
unix_socket_directories = '$work'
timezone = 'UTC'
shared_preload_libraries = 'pg_stat_statements'
pg_stat_statements.track_utility = on
pg_stat_statements.max = 10000
log_autovacuum_min_duration = 0
EOF
    "${run_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w start > /dev/null \
        || { cat "$work/pg/server.log" >&2; fail "PostgreSQL did not start"; }
    pg_started=1
    conninfo="host=$work port=$pg_port dbname=postgres user=postgres"
    psql -X -q -v ON_ERROR_STOP=1 "$conninfo" > /dev/null <<EOF
CREATE ROLE motcua LOGIN PASSWORD '$password';
CREATE DATABASE motcua OWNER motcua;
CREATE EXTENSION pg_stat_statements;
EOF
    export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$pg_port/motcua?prepareThreshold=0"
    export SPRING_DATASOURCE_USERNAME=motcua SPRING_DATASOURCE_PASSWORD="$password"
    app_db=motcua
    wal_dir="$work/pg/pg_wal"
    server="own PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$pg_port (temporary)"
else
    conninfo="$COST_PSQL"
    case "$COST_JDBC_URL" in *\?*) separator='&' ;; *) separator='?' ;; esac
    export SPRING_DATASOURCE_URL="$COST_JDBC_URL${separator}prepareThreshold=0" SPRING_DATASOURCE_USERNAME="$COST_DB_USER"
    export SPRING_DATASOURCE_PASSWORD="$COST_DB_PASSWORD"
    app_db=$(printf '%s' "$COST_JDBC_URL" | sed -E 's#^[^/]*//[^/]*/([^?;]*).*#\1#')
    [ -n "$app_db" ] && [ "$app_db" != "$COST_JDBC_URL" ] || fail "no database name in COST_JDBC_URL=$COST_JDBC_URL"
    wal_dir="${COST_WAL_DIR:-}"
    server="given PostgreSQL ($COST_JDBC_URL)"
fi

q() { psql -X -A -t -q -v ON_ERROR_STOP=1 "$conninfo" -c "$1"; }
q "SELECT 1" > /dev/null || fail "cannot connect for measurements with: $conninfo"
[ "$(q "SELECT current_database()")" != "$app_db" ] \
    || fail "the measurement connection must use another database than the application's ($app_db)"
q "SELECT current_setting('shared_preload_libraries')" | grep -q pg_stat_statements \
    || fail "pg_stat_statements is not in shared_preload_libraries of the server"
q "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'" | grep -q 1 \
    || fail "run CREATE EXTENSION pg_stat_statements in the measurement database ($(q "SELECT current_database()"))"
[ "$(q "SELECT current_setting('pg_stat_statements.track_utility')")" = on ] \
    || fail "pg_stat_statements.track_utility must be on (BEGIN and COMMIT are statements too)"
db_oid=$(q "SELECT oid FROM pg_database WHERE datname = '$app_db'")
[ -n "$db_oid" ] || fail "database $app_db does not exist on the server"
# pg_waldump of the server's major version (Debian keeps it off the PATH); none → no full-page image split.
wal_dump="${PG_BIN:+$PG_BIN/pg_waldump}"
[ -n "$wal_dump" ] || wal_dump=$(command -v pg_waldump 2> /dev/null \
    || ls /usr/lib/postgresql/"$(q "SELECT current_setting('server_version_num')::int / 10000")"/bin/pg_waldump 2> /dev/null \
    || true)

app_port=$(free_port)
base="http://127.0.0.1:$app_port"
echo "== starting the application on $server"
java -jar target/motcua.jar --server.port="$app_port" --motcua.data-dir="$work/data" --logging.level.root=WARN \
    --motcua.demo-data=true --motcua.demo.history-dossiers=0 > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do
    curl -sf "$base/actuator/health" > /dev/null 2>&1 && break
    kill -0 "$app" 2> /dev/null || { tail -40 "$work/app.log" >&2; fail "the application stopped during start-up"; }
    sleep 1
done
curl -sf "$base/actuator/health" > /dev/null 2>&1 || { tail -40 "$work/app.log" >&2; fail "the application did not start in 240 s"; }

# The client: one keep-alive connection, the four calls of a lifecycle one after the other; any answer other
# than 200/201 stops the measurement (a failed call would cost less and flatter the figures).
cat > "$work/lifecycles.py" <<'EOF'
import base64, http.client, json, sys, time, urllib.parse

port, state_file, command = int(sys.argv[1]), sys.argv[2], sys.argv[3]
connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)

def call(method, path, body=None, authorization=None, expected=(200, 201)):
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if authorization:
        headers["Authorization"] = authorization
    connection.request(method, path, json.dumps(body).encode() if body is not None else None, headers)
    response = connection.getresponse()
    payload = response.read()
    if response.status not in expected:
        sys.exit(f"{method} {path}: HTTP {response.status} {payload[:300]!r}")
    return json.loads(payload) if payload else None

if command == "setup":
    def token(user):
        basic = "Basic " + base64.b64encode(f"{user}:Demo@12345".encode()).decode()
        return "Bearer " + call("POST", "/api/v1/me/tokens", {"name": "cost benchmark", "days": 1}, basic)["token"]
    # A construction permit (desk VP.MC → SXD.QLXD specialist → SXD.LD leader → desk), its mandatory
    # documents, an applicant with neither e-mail nor phone: as in benchmark-lifecycle.sh.
    found = call("GET", "/api/public/procedures?" + urllib.parse.urlencode({"q": "giay phep xay dung", "size": 1}))
    code = found["items"][0]["code"]
    procedure = call("GET", "/api/public/procedures/" + urllib.parse.quote(code))
    intake = {"procedureCode": code, "channel": "DIRECT", "decision": "ACCEPT",
              "applicant": {"fullName": "Nguyễn Văn Đo Tải", "citizenId": "031085001234",
                            "address": "18 Hoàng Diệu, Hồng Bàng, Hải Phòng"},
              "documents": [{"documentId": d["id"], "count": 1} for d in procedure["documents"] if d["mandatory"]]}
    with open(state_file, "w") as f:
        json.dump({"desk": token("tiepnhan"), "specialist": token("chuyenvien.sxd"),
                   "leader": token("lanhdao.sxd"), "intake": intake}, f)
else:
    state = json.load(open(state_file))
    count = int(sys.argv[4])
    started = time.monotonic()
    for _ in range(count):
        code = urllib.parse.quote(call("POST", "/api/v1/dossiers", state["intake"], state["desk"])["code"])
        call("POST", f"/api/v1/dossiers/{code}/handover", {"note": "Đủ điều kiện"}, state["specialist"])
        call("POST", f"/api/v1/dossiers/{code}/handover", {"note": "Đồng ý"}, state["leader"])
        call("POST", f"/api/v1/dossiers/{code}/return-result", {"method": "DIRECT"}, state["desk"])
    print(f"{time.monotonic() - started:.1f}")
EOF
drive() { python3 "$work/lifecycles.py" "$app_port" "$work/state.json" "$@" || fail "a lifecycle call failed (above)"; }
cpu_ms() { awk -v t="$ticks" '{ sub(/^.*\) /, ""); print ($12 + $13) * 1000 / t }' "/proc/$app/stat"; }
calls() { q "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = $db_oid"; }
commits() { q "SELECT xact_commit || ' ' || xact_rollback FROM pg_stat_database WHERE datid = $db_oid"; }
checkpoints() { q "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter"; }

drive setup
psql -X -q -v ON_ERROR_STOP=1 "$conninfo dbname=$app_db" -c "VACUUM ANALYZE" > /dev/null 2>&1 \
    || fail "could not VACUUM ANALYZE database $app_db with: $conninfo dbname=$app_db"
echo "== $warmup warm-up lifecycles"
drive run "$warmup" > /dev/null
sleep 11
q "CHECKPOINT" > /dev/null
q "SELECT pg_stat_statements_reset(0, $db_oid, 0)" > /dev/null
read -r commits0 rollbacks0 <<< "$(commits)"
checkpoints0=$(checkpoints)
lsn0=$(q "SELECT pg_current_wal_insert_lsn()")
log0=$( [ "$own_server" = 1 ] && wc -c < "$work/pg/server.log" || echo 0)
cpu0=$(cpu_ms)
echo "== $lifecycles lifecycles, one after the other"
seconds=$(drive run "$lifecycles")
cpu1=$(cpu_ms)
calls1=$(calls)
lsn1=$(q "SELECT pg_current_wal_insert_lsn()")
sleep 11   # the application's backends report their commits up to 10 s late
read -r commits2 rollbacks2 <<< "$(commits)"
calls2=$(calls)
explicit=$(q "SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = $db_oid AND query ~* '^\s*(commit|end)\M'")
lsn2=$(q "SELECT pg_current_wal_insert_lsn()")
wal=$(q "SELECT pg_wal_lsn_diff('$lsn2', '$lsn0')")
wal_tail=$(q "SELECT pg_wal_lsn_diff('$lsn2', '$lsn1')")
checkpoints2=$(checkpoints)
autovacuum="n/a (given server)"
if [ "$own_server" = 1 ]; then
    autovacuum=$(tail -c +"$((log0 + 1))" "$work/pg/server.log" \
        | awk '/automatic vacuum/ { v++ } /automatic analyze/ { a++ } END { printf "%d vacuum, %d analyse", v, a }')
fi
fpi="n/a (pg_waldump cannot read the WAL)"
wal_records=""
if [ -n "$wal_dir" ] && [ -x "$wal_dump" ]; then
    fpi_bytes=$("$wal_dump" -p "$wal_dir" -s "$lsn0" -e "$lsn2" --stats 2> /dev/null \
        | awk '$1 == "Total" { gsub(/[\[\]%]/, ""); print $5; exit }' || true)
    [ -n "$fpi_bytes" ] && fpi="$(awk -v b="$fpi_bytes" -v n="$lifecycles" 'BEGIN { printf "%.0f", b / n }') B"
    # Type N (%) record-size (%) FPI-size (%) combined (%): the record types that write most, per lifecycle.
    wal_records=$("$wal_dump" -p "$wal_dir" -s "$lsn0" -e "$lsn2" --stats=record 2> /dev/null \
        | awk -v n="$lifecycles" 'NR > 3 && $1 != "Total" && $1 !~ /^-/ { gsub(/[()]/, "");
              if ($8 > 0) printf "%-28s %8.1f %9.0f %9.0f %9.0f\n", $1, $2 / n, $4 / n, $6 / n, $8 / n }' \
        | sort -k5,5nr | head -12 || true)
    # The same window by relation, named from the application's catalogue: the lifecycle's own tables apart
    # from the system catalogues that autovacuum's ANALYZE writes (pg_statistic …) on the freshly loaded tables.
    relations=$(psql -X -A -t -q -F ' ' "$conninfo dbname=$app_db" \
        -c "SELECT pg_relation_filenode(oid), relname FROM pg_class WHERE pg_relation_filenode(oid) IS NOT NULL" \
        2> /dev/null || true)
    wal_relations=$("$wal_dump" -p "$wal_dir" -s "$lsn0" -e "$lsn2" 2> /dev/null \
        | awk -v n="$lifecycles" -v names="$relations" '
              BEGIN { split(names, lines, "\n"); for (i in lines) { split(lines[i], f, " "); name[f[1]] = f[2] } }
              match($0, /len \(rec\/tot\): *[0-9]+\/ *[0-9]+/) {
                  split(substr($0, RSTART, RLENGTH), l, "/"); bytes = l[3] + 0
                  rel = "(no relation: commits, checkpoints)"
                  if (match($0, /rel [0-9]+\/[0-9]+\/[0-9]+/)) {
                      split(substr($0, RSTART, RLENGTH), r, "/"); rel = (r[3] in name) ? name[r[3]] : "filenode " r[3]
                  }
                  total[rel] += bytes
              }
              END { for (rel in total) printf "%-40s %9.0f\n", rel, total[rel] / n }' \
        | sort -k2,2nr | head -15 || true)
fi

per() { awk -v v="$1" -v n="$lifecycles" -v f="${2:-%.1f}" 'BEGIN { printf f, v / n }'; }
echo
echo "== cost per lifecycle: $lifecycles lifecycles one after the other in $seconds s, after $warmup warm-up"
printf '%-22s %10s   %s\n' "SQL statements" "$(per "$calls2")" \
    "$calls2 in all, BEGIN and COMMIT included; $((calls2 - calls1)) of them by background jobs in the final 11 s"
printf '%-22s %10s   %s\n' "commits" "$(per $((commits2 - commits0)))" \
    "$((commits2 - commits0)) in all (database $app_db): $(per "$explicit") COMMIT statements, the rest single statements or autovacuum; rollbacks: $((rollbacks2 - rollbacks0))"
printf '%-22s %10s   %s\n' "WAL bytes" "$(per "$wal" %.0f)" \
    "whole server; full-page images: $fpi; $((checkpoints2 - checkpoints0)) checkpoint(s) in the window; final 11 s: $wal_tail B"
printf '%-22s %10s   %s\n' "application CPU (ms)" "$(per "$(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { print b - a }')")" \
    "utime+stime of the java process over the $lifecycles lifecycles ($(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg))"
echo "autovacuum in the window: $autovacuum; pause after the lifecycles: 11 s (included above)"
if [ -n "$wal_records" ]; then
    echo
    echo "== WAL per lifecycle by record type (the whole window)"
    printf '%-28s %8s %9s %9s %9s\n' "record" "records" "bytes" "FPI B" "total B"
    echo "$wal_records"
fi
if [ -n "${wal_relations:-}" ]; then
    echo
    echo "== WAL per lifecycle by relation (the whole window; indexes apart from their tables)"
    echo "$wal_relations"
fi
echo
echo "== statements per lifecycle by kind"
q "SELECT rpad(kind, 12) || to_char(sum(calls)::numeric / $lifecycles, '9990.00')
   FROM (SELECT upper(split_part(ltrim(regexp_replace(query, '^\s*(/\*.*?\*/\s*)*', '')), ' ', 1)) AS kind, calls
         FROM pg_stat_statements WHERE dbid = $db_oid) s
   GROUP BY kind ORDER BY sum(calls) DESC"
echo
echo "== top $top statements by calls ($lifecycles lifecycles; calls and execution ms per lifecycle)"
printf '%9s %9s  %s\n' "calls/lc" "ms/lc" "statement"
q "SELECT to_char(calls::numeric / $lifecycles, '99990.00') || ' ' || to_char(total_exec_time / $lifecycles, '99990.000')
          || '  ' || left(regexp_replace(query, '\s+', ' ', 'g'), 130)
   FROM pg_stat_statements WHERE dbid = $db_oid ORDER BY calls DESC, total_exec_time DESC LIMIT $top"
