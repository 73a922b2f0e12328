#!/usr/bin/env bash
# Restores a backup of scripts/backup.sh: the database into an EMPTY database, the files into DATA_DIR/files.
#
# Usage: scripts/restore.sh BACKUP [DATA_DIR]     (DATA_DIR: the restored motcua's motcua.data-dir, default ./data)
#
# The database is the libpq variables' (PGHOST, PGPORT, PGUSER, PGPASSWORD, PGDATABASE): a new, empty database on
# a PostgreSQL server of at least the backup's major version. Then start motcua on it (SPRING_DATASOURCE_URL …,
# --motcua.data-dir=DATA_DIR): Flyway sees the schema at the backup's version and migrates it if motcua is newer.
# Check afterwards: GET /api/v1/audit/verify must answer valid: true.
set -euo pipefail
fail() { echo "restore: $*" >&2; exit 1; }
backup="${1:?usage: scripts/restore.sh BACKUP [DATA_DIR]}"
data="${2:-${MOTCUA_DATA_DIR:-data}}"
[ -n "${PGHOST:-}" ] || fail "set PGHOST, PGPORT, PGUSER, PGPASSWORD and PGDATABASE for the database to restore into"
(cd "$backup" && sha256sum --quiet -c SHA256SUMS) || fail "$backup does not match its SHA256SUMS"
tables=$(psql -X -A -t -c "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
[ "$tables" -eq 0 ] || fail "database $PGDATABASE is not empty ($tables tables): restore into a new database"

pg_restore --no-owner --exit-on-error -d "$PGDATABASE" "$backup/database.dump"
mkdir -p "$data"
tar -C "$data" -xf "$backup/files.tar"
# Every file the database names must be there, with its SHA-256.
missing=0
while read -r sha; do
    file="$data/files/${sha:0:2}/$sha"
    if [ ! -f "$file" ] || [ "$(sha256sum "$file" | cut -d' ' -f1)" != "$sha" ]; then
        echo "restore: file $sha missing or damaged" >&2
        missing=$((missing + 1))
    fi
done < <(psql -X -A -t -c "SELECT DISTINCT sha256 FROM dossier_file")
[ "$missing" -eq 0 ] || fail "$missing file(s) of the database are missing or damaged"
echo "restore: database $PGDATABASE and $(psql -X -A -t -c "SELECT count(*) FROM dossier_file") file(s) restored into $data"
