#!/usr/bin/env bash
# Push latency benchmark: a management server (Payara Micro, data grid on loopback) with NODES
# enrolled nodes, simulated by a few Hazelcast clients that verify, open and acknowledge each
# bundle as a node does. Each round adds a CA to the trust store every virtual server uses (one API
# call that changes every node's bundle) and measures the time until every node acknowledged.
#
#   web/bench/push.sh [NODES] [ROUNDS]        e.g.  web/bench/push.sh 1000 5
#
# Uses the local PostgreSQL and roles set up by ./zengate (run ./zengate start or test once) and
# the built web/target/zengate.war and gateway-node/target/zengate-gateway.jar.
set -euo pipefail
NODES=${1:-200}
ROUNDS=${2:-5}
PORT=18081
GRID_PORT=17900
. "$(dirname "$0")/management-server.sh"

for built in web/target/zengate.war web/target/payara-micro.jar gateway-node/target/zengate-gateway.jar; do
  [ -f "$ROOT/$built" ] || { echo "$built is missing: mvn -B -DskipTests package first"; exit 1; }
done
bench_database zengate_push

mkdir -p "$WORK/pki"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/pki/server.key" \
  -subj "/CN=push.bench" -days 30 -out "$WORK/pki/server.crt" 2>/dev/null
for r in $(seq 0 $((ROUNDS + 3))); do
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -keyout "$WORK/pki/ca-$r.key" \
    -subj "/CN=Push Bench Partner CA $r" -days 30 -addext basicConstraints=critical,CA:TRUE \
    -out "$WORK/pki/ca-$r.crt" 2>/dev/null
done

start_management_server $PORT --clustername "push-bench-$$" --clustermode "tcpip:127.0.0.1:$GRID_PORT" \
  --interfaces 127.0.0.1 --startport $GRID_PORT

echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(java -version 2>&1 | head -1)"
java -Dhazelcast.logging.type=none -cp "$ROOT/gateway-node/target/zengate-gateway.jar" \
  "$ROOT/web/bench/PushLatency.java" "http://127.0.0.1:$PORT/" "$ADMIN_PASSWORD" "$NODES" "$ROUNDS" "$WORK/pki"
echo "Management server's publication passes (last 5):"
grep -o "published [0-9]* of [0-9]* bundles in .* ms)" "$WORK/payara.log" | tail -5 | sed 's/^/  /'
