#!/usr/bin/env bash
# Backs up motcua: the database (pg_dump, custom format) and the file store (dossiers' uploads), consistent with
# each other, into DEST (database.dump, files.tar, SHA256SUMS). Restore with scripts/restore.sh.
#
# Usage: scripts/backup.sh DEST [DATA_DIR]       (DATA_DIR: motcua.data-dir, default ./data)
#
# Which database:
# - a PostgreSQL server: the libpq variables PGHOST, PGPORT, PGUSER, PGPASSWORD (or ~/.pgpass) and PGDATABASE;
# - else the embedded one of DATA_DIR, while motcua runs (its port in DATA_DIR/postgres/postmaster.pid, its
#   superuser's password in DATA_DIR/postgres.password).
# pg_dump must be at least the server's major version (the embedded server is PostgreSQL 17: install its client
# tools). Without them, stop motcua and copy DATA_DIR whole: that is a backup too.
#
# Consistency: the dump is one snapshot of the database, taken first; the file store is read after it. A file is
# written to the store before the row that names it commits, and stored files are never changed or deleted (their
# name is their SHA-256), so every file the dump names is in files.tar; files stored meanwhile are extra.
set -euo pipefail
fail() { echo "backup: $*" >&2; exit 1; }
dest="${1:?usage: scripts/backup.sh DEST [DATA_DIR]}"
data="${2:-${MOTCUA_DATA_DIR:-data}}"
[ -d "$data" ] || fail "no data directory $data"

if [ -z "${PGHOST:-}" ]; then
    pid="$data/postgres/postmaster.pid"
    [ -f "$pid" ] || fail "no embedded PostgreSQL running in $data (start motcua, or set PGHOST…)"
    export PGHOST=localhost PGUSER=postgres PGDATABASE=postgres
    PGPORT=$(sed -n 4p "$pid")
    PGPASSWORD=$(cat "$data/postgres.password")
    export PGPORT PGPASSWORD
fi
server=$(psql -X -A -t -c "SHOW server_version_num")
client=$(pg_dump --version | grep -o '[0-9]\+' | head -1)
[ "$client" -ge $((server / 10000)) ] \
    || fail "pg_dump $client is older than the server ($((server / 10000))): install PostgreSQL $((server / 10000))'s client tools"

mkdir -p "$dest"
pg_dump -Fc -f "$dest/database.dump"
mkdir -p "$data/files"
tar -C "$data" -cf "$dest/files.tar" files
(cd "$dest" && sha256sum database.dump files.tar > SHA256SUMS)
echo "backup: $(du -h "$dest/database.dump" | cut -f1) database, $(du -h "$dest/files.tar" | cut -f1) files in $dest"
