# Sourced by the management benchmarks: a throw-away database and a management server (Payara
# Micro) on it, both removed on exit. Uses the local PostgreSQL and roles set up by ./zengate.
#
#   bench_database PREFIX                       creates $DB (PREFIX_<time>) and $WORK
#   start_management_server PORT [MICRO_OPTION...]   starts it on $DB and waits until healthy
#
# Sets ROOT, WORK, DB, PASSWORD (the application role's), ADMIN_PASSWORD.
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
SECRETS="${XDG_CONFIG_HOME:-$HOME/.config}/zengate"
PASSWORD=$(cat "$SECRETS/db-password")
OWNER_PASSWORD=$(cat "$SECRETS/db-owner-password")
ADMIN_PASSWORD=bench-admin-password
WORK=$(mktemp -d)
DB=
SERVER_PID=

bench_cleanup() {
  [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  [ -n "$DB" ] && { PGPASSWORD=$OWNER_PASSWORD psql -q -h 127.0.0.1 -U zengate_owner -d postgres \
    -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null || true; }
  rm -rf "$WORK"
}
trap bench_cleanup EXIT

bench_database() {
  DB=${1}_$(date +%s)
  PGPASSWORD=$OWNER_PASSWORD psql -q -h 127.0.0.1 -U zengate_owner -d postgres -c "CREATE DATABASE $DB" >/dev/null
}

start_management_server() {
  local port=$1; shift
  # The listeners as ./zengate start sets them (HTTPS on an ephemeral-range port beside), plus
  # plain HTTP on loopback at PORT, which the benchmark clients speak.
  ZENGATE_HTTPS_PORT=$((port + 363)) ZENGATE_HTTP_PORT=$port java -cp "$ROOT/web/target/zengate/WEB-INF/lib/*" \
    dev.zengate.management.tools.HttpsSetup "$WORK/tls" "$WORK/preboot.asadmin" >/dev/null
  # The schema is migrated in a step of its own with the owner's credentials, as ./zengate does.
  ZENGATE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB ZENGATE_DB_USER=zengate ZENGATE_DB_PASSWORD=$PASSWORD \
  ZENGATE_DB_OWNER=zengate_owner ZENGATE_DB_OWNER_PASSWORD=$OWNER_PASSWORD \
    java -cp "$ROOT/web/target/zengate/WEB-INF/lib/*" dev.zengate.management.tools.Migrate >"$WORK/migrate.log" 2>&1 ||
    { tail -20 "$WORK/migrate.log"; exit 1; }
  ZENGATE_DB_URL=jdbc:postgresql://127.0.0.1:5432/$DB ZENGATE_DB_USER=zengate ZENGATE_DB_PASSWORD=$PASSWORD \
  ZENGATE_DB_OWNER=zengate_owner ZENGATE_DB_OWNER_PASSWORD=$OWNER_PASSWORD \
  ZENGATE_ADMIN_PASSWORD=$ADMIN_PASSWORD ZENGATE_MASTER_KEY=$(openssl rand -base64 32) \
    java -Xmx1g -Dhazelcast.socket.bind.any=false -jar "$ROOT/web/target/payara-micro.jar" \
    --deploy "$ROOT/web/target/zengate.war" --contextroot / --prebootcommandfile "$WORK/preboot.asadmin" --rootdir "$WORK/payara" \
    "$@" >"$WORK/payara.log" 2>&1 &
  SERVER_PID=$!
  # Up to 5 minutes: a start on a busy 2-core machine (a build beside it) took over 3.
  for _ in $(seq 1 300); do
    curl -fsS -o /dev/null "http://127.0.0.1:$port/api/health" 2>/dev/null && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$WORK/payara.log"; exit 1; }
    sleep 1
  done
  curl -sS "http://127.0.0.1:$port/api/health" || true
  tail -20 "$WORK/payara.log"
  echo "management server not healthy"; exit 1
}
