#!/usr/bin/env bash
# Web console benchmark: seeds a throw-away database with 1,000 pairs and 10,000 certificates,
# starts the management server on it, and times each main screen in headless Chromium from the
# navigation's start to the screen's data shown (p50/p95 over 20 loads, goal p95 < 1 s), and the
# gzip size of the JavaScript and CSS the first screen needs (goal < 500 KB).
#
#   web/bench/console.sh [PAIRS] [CERTIFICATES] [LOADS]
#
# Needs a built WAR with the console (mvn -pl web -am -DskipTests install), Debian's chromium and
# chromium-driver, and the local PostgreSQL and roles set up by ./zengate.
set -euo pipefail
PAIRS=${1:-1000}
CERTIFICATES=${2:-10000}
LOADS=${3:-20}
PORT=18081
. "$(dirname "$0")/management-server.sh"

[ -f "$ROOT/web/target/zengate.war" ] || { echo "build the WAR first"; exit 1; }
echo "First screen (JavaScript and CSS, gzip -9):"
for f in "$ROOT"/web/target/console/assets/*.js "$ROOT"/web/target/console/assets/*.css; do
  printf '  %-40s %8d bytes, %7d gzip\n' "$(basename "$f")" "$(stat -c %s "$f")" "$(gzip -9c "$f" | wc -c)"
done
printf '  total gzip: %d bytes\n' "$(cat "$ROOT"/web/target/console/assets/*.js "$ROOT"/web/target/console/assets/*.css | gzip -9c | wc -c)"

bench_database zengate_console_bench
export PGPASSWORD=$PASSWORD
start_management_server $PORT --nocluster
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/k.pem" \
  -subj "/CN=bench" -days 30 -outform DER -out "$WORK/c.der" 2>/dev/null
psql -q -h 127.0.0.1 -U zengate -d "$DB" -v ON_ERROR_STOP=1 -v pairs="$PAIRS" -v certificates="$CERTIFICATES" \
  -v der="$(base64 -w0 "$WORK/c.der")" -f "$ROOT/web/bench/seed.sql"
PGPASSWORD=$OWNER_PASSWORD psql -q -h 127.0.0.1 -U zengate_owner -d "$DB" -c "ANALYZE gateway_pair, gateway_node, certificate" >/dev/null
FIRST_PAIR=$(psql -qAt -h 127.0.0.1 -U zengate -d "$DB" -c "SELECT min(id) FROM gateway_pair")

echo "Seeded $PAIRS pairs, $((PAIRS * 2)) nodes, $CERTIFICATES certificates; $LOADS loads per screen"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(chromium --version 2>/dev/null | head -1)"
CP=$(cd "$ROOT/web" && mvn -B -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/dev/stdout)
java -cp "$CP" "$ROOT/web/bench/ConsoleLatency.java" "http://127.0.0.1:$PORT/" "$ADMIN_PASSWORD" "$LOADS" "$FIRST_PAIR" ${SCREENSHOT:-}
