#!/usr/bin/env bash
# Management API latency benchmark: seeds a throw-away database with 1,000 pairs and 10,000
# certificates, starts the management server on Payara Micro against it, and prints p50/p95/p99
# of list, search and detail calls (goal: p95 < 100 ms on a 2-core machine).
#
#   web/bench/run.sh [PAIRS] [CERTIFICATES] [REQUESTS]
#
# Uses the local PostgreSQL and role set up by ./zengate (run ./zengate start or test once).
set -euo pipefail
PAIRS=${1:-1000}
CERTIFICATES=${2:-10000}
REQUESTS=${3:-300}
PORT=18080
. "$(dirname "$0")/management-server.sh"

[ -f "$ROOT/web/target/zengate.war" ] || (cd "$ROOT" && mvn -B -q -DskipTests package)
bench_database zengate_bench
export PGPASSWORD=$PASSWORD
start_management_server $PORT --nocluster

openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/k.pem" \
  -subj "/CN=bench" -days 30 -outform DER -out "$WORK/c.der" 2>/dev/null
psql -q -h 127.0.0.1 -U zengate -d "$DB" -v ON_ERROR_STOP=1 -v pairs="$PAIRS" -v certificates="$CERTIFICATES" \
  -v der="$(base64 -w0 "$WORK/c.der")" -f "$ROOT/web/bench/seed.sql"
psql -q -h 127.0.0.1 -U zengate -d "$DB" -c "SELECT 1" >/dev/null
PGPASSWORD=$OWNER_PASSWORD psql -q -h 127.0.0.1 -U zengate_owner -d "$DB" -c "ANALYZE gateway_pair, gateway_node, certificate" >/dev/null

echo "Seeded $PAIRS pairs, $((PAIRS * 2)) nodes, $CERTIFICATES certificates; $REQUESTS requests per call"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
FIRST_PAIR=$(psql -qAt -h 127.0.0.1 -U zengate -d "$DB" -c "SELECT min(id) FROM gateway_pair")
FIRST_CERTIFICATE=$(psql -qAt -h 127.0.0.1 -U zengate -d "$DB" -c "SELECT min(id) FROM certificate")
java "$ROOT/web/bench/ApiLatency.java" "http://127.0.0.1:$PORT" "$ADMIN_PASSWORD" "$PAIRS" "$CERTIFICATES" \
  "$REQUESTS" "$FIRST_PAIR" "$FIRST_CERTIFICATE"
