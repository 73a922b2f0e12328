#!/usr/bin/env bash
# Proves a backup: makes one with scripts/backup.sh from a running motcua, restores it with scripts/restore.sh into
# a new database and data directory, starts motcua on the copy and checks what must have survived: every dossier,
# every file (SHA-256 of the download = the stored one), the audit chain (/api/v1/audit/verify), and the next
# dossier number (it follows the backup's, no code is given twice). Prints the recovery figures.
#
# Usage: scripts/backup-drill.sh [HISTORY_DOSSIERS]   (default 500)
# Needs: PostgreSQL server binaries (initdb, pg_ctl, pg_dump, pg_restore, psql: Debian's postgresql package under
# /usr/lib/postgresql/*/bin, or PG_BIN=/path/to/bin), curl, python3; builds target/motcua.jar when missing. Runs
# everything on a temporary PostgreSQL server on 127.0.0.1 that it deletes at exit.
set -euo pipefail
cd "$(dirname "$0")/.."
fail() { echo "backup-drill: $*" >&2; exit 1; }
history="${1:-500}"
PG_BIN="${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2> /dev/null | sort -V | tail -1)}"
[ -x "${PG_BIN:-}/initdb" ] || fail "no PostgreSQL server binaries (set PG_BIN)"
export PATH="$PG_BIN:$PATH"
run_pg=()
if [ "$(id -u)" = 0 ]; then run_pg=(runuser -u postgres --); fi
[ -f target/motcua.jar ] || ./mvnw -B -q package -DskipTests
free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }

work=$(mktemp -d)
app=""
cleanup() {
    set +e
    [ -n "$app" ] && kill "$app" 2> /dev/null && wait "$app" 2> /dev/null
    "${run_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -m fast -w stop > /dev/null 2>&1
    rm -rf "$work"
}
trap cleanup EXIT
[ ${#run_pg[@]} -eq 0 ] || chown postgres "$work"
export PGHOST=127.0.0.1 PGPORT PGUSER=postgres PGPASSWORD
PGPORT=$(free_port)
PGPASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
echo "$PGPASSWORD" > "$work/pw" && chmod 644 "$work/pw"
"${run_pg[@]}" "$PG_BIN/initdb" -D "$work/pg" -U postgres --auth=scram-sha-256 --pwfile="$work/pw" \
    --encoding=UTF8 --locale=C.UTF-8 > "$work/initdb.log" 2>&1 || { cat "$work/initdb.log"; fail "initdb failed"; }
"${run_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w \
    -o "-c listen_addresses=127.0.0.1 -c port=$PGPORT -c unix_socket_directories=$work" start > /dev/null
psql -X -q -d postgres -c "CREATE DATABASE source" -c "CREATE DATABASE restored"

# start NAME DATABASE DATA_DIR ARGS…: motcua on that database, until it answers
start() {
    local port; port=$(free_port)
    SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$PGPORT/$2" SPRING_DATASOURCE_USERNAME=postgres \
        SPRING_DATASOURCE_PASSWORD="$PGPASSWORD" java -jar target/motcua.jar --server.port="$port" \
        --motcua.data-dir="$3" --logging.level.root=WARN "${@:4}" > "$work/$1.log" 2>&1 &
    app=$!
    base="http://127.0.0.1:$port"
    for _ in $(seq 1 300); do
        curl -sf "$base/actuator/health" > /dev/null && return 0
        kill -0 "$app" 2> /dev/null || { tail -30 "$work/$1.log"; fail "motcua ($1) stopped"; }
        sleep 1
    done
    fail "motcua ($1) did not answer"
}
stop() { kill "$app"; wait "$app" 2> /dev/null || true; app=""; }
q() { psql -X -A -t -d "$1" -c "$2"; }
api() { curl -sf -u "$1:Demo@12345" "${@:2}"; }
intake() {  # a new accepted dossier; prints its code
    local code; code=$(curl -sf "$base/api/public/procedures?q=giay+phep+xay+dung&size=1" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["code"])')
    curl -sf "$base/api/public/procedures/$code" | python3 -c '
import json, sys
p = json.load(sys.stdin)
print(json.dumps({"procedureCode": p["code"], "channel": "DIRECT", "decision": "ACCEPT",
    "applicant": {"fullName": "Đỗ Văn Sao Lưu", "citizenId": "031085001234", "address": "1 Lạch Tray, Hải Phòng"},
    "documents": [{"documentId": d["id"], "count": 1} for d in p["documents"] if d["mandatory"]]}))' > "$work/intake.json"
    api tiepnhan -H 'Content-Type: application/json' -d @"$work/intake.json" "$base/api/v1/dossiers" \
        | python3 -c 'import json,sys; print(json.load(sys.stdin)["code"])'
}

echo "== motcua with the demo data and $history dossiers of history, on database source"
start source source "$work/data-source" --motcua.demo-data=true --motcua.demo.history-dossiers="$history"
for _ in $(seq 1 120); do grep -q "Demo data ready" "$work/source.log" && break; sleep 1; done
last=$(intake)
printf '%%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%%%EOF\n' > "$work/scan.pdf"
api tiepnhan -F "file=@$work/scan.pdf;type=application/pdf" "$base/api/v1/dossiers/$last/files" > /dev/null
dossiers=$(q source "SELECT count(*) FROM dossier")
files=$(q source "SELECT count(*) FROM dossier_file")

echo "== backup while it runs"
t0=$(date +%s.%N)
PGDATABASE=source scripts/backup.sh "$work/backup" "$work/data-source"
t1=$(date +%s.%N)
stop

echo "== restore into database restored and a new data directory"
PGDATABASE=restored scripts/restore.sh "$work/backup" "$work/data-restored"
t2=$(date +%s.%N)
start restored restored "$work/data-restored" --motcua.demo-data=false --motcua.public-url=https://motcua.example.vn

echo "== checks"
[ "$(q restored "SELECT count(*) FROM dossier")" = "$dossiers" ] || fail "dossiers: expected $dossiers"
[ "$(q restored "SELECT count(*) FROM dossier_file")" = "$files" ] || fail "files: expected $files"
id=$(api tiepnhan "$base/api/v1/dossiers/$last/files" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
stored=$(q restored "SELECT sha256 FROM dossier_file WHERE id = $id")
downloaded=$(api tiepnhan "$base/api/v1/dossiers/$last/files/$id" | sha256sum | cut -d' ' -f1)
[ "$downloaded" = "$stored" ] || fail "the file downloads with SHA-256 $downloaded, stored $stored"
audit=$(api admin "$base/api/v1/audit/verify")
python3 -c 'import json,sys; a = json.loads(sys.argv[1]); sys.exit(0 if a["valid"] else 1)' "$audit" \
    || fail "audit chain broken: $audit"
next=$(intake)
[ "${next%-*}" != "${last%-*}" ] || [ $((10#${next##*-})) -eq $((10#${last##*-} + 1)) ] \
    || fail "next dossier $next does not follow $last"
echo "dossiers: $dossiers restored; files: $files, SHA-256 of the download = stored; audit: $audit"
echo "last dossier before the backup: $last; first after the restore: $next"
python3 -c 'import sys; t0, t1, t2 = map(float, sys.argv[1:4])
print(f"backup took {t1 - t0:.1f} s ({sys.argv[4]}), restore {t2 - t1:.1f} s")' "$t0" "$t1" "$t2" "$(du -sh "$work/backup" | cut -f1)"
