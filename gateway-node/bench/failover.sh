#!/usr/bin/env bash
# Failover benchmark: a Zengate pair on loopback, the master killed with SIGKILL (kill -9) KILLS
# times (default 20); for each kill, the time from the signal to the first new TLS connection
# (handshake + echoed line) served by either member, as a client retrying both would see it.
#
#   gateway-node/bench/failover.sh            (build the jar first: mvn -pl gateway-node package)
#
# Node A (priority 200) and node B (priority 100), both preempt: false and default intervals
# (advert 200 ms, dead 3 x advert + skew = 643 ms for A, 721 ms for B). After each kill the dead
# node is restarted, rejoins as backup, and the next kill hits the new master, so the roles
# alternate. Prints each sample, p50/p99, and the ratio to keepalived's default detection time for
# the surviving node's priority (advert_int 1 s: 3 s + (256 - priority)/256 s, i.e. 3.2 s / 3.6 s).
# Needs: java 17, openssl, curl, python3. Uses 127.0.0.1 only.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/zengate-gateway.jar}
KILLS=${KILLS:-20}
WORK=$(mktemp -d /tmp/zengate-failover.XXXXXX)
declare -A PID
cleanup() {
  for name in "${!PID[@]}"; do kill -9 "${PID[$name]}" 2>/dev/null || true; done
  [ -n "${ECHO_PID:-}" ] && kill "$ECHO_PID" 2>/dev/null || true
  [ -n "${PROBE_PID:-}" ] && kill "$PROBE_PID" 2>/dev/null || true
  wait 2>/dev/null || true
  [ "${KEEP_WORK:-0}" = 1 ] && echo "logs kept in $WORK" >&2 || rm -rf "$WORK"
}
trap cleanup EXIT
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -pl gateway-node package" >&2; exit 1; }

cd "$WORK"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=failover-ca \
  -keyout ca.key -out ca.crt 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=127.0.0.1 \
  -keyout server.key -out server.csr 2>/dev/null
printf 'subjectAltName=IP:127.0.0.1\n' > san.ext
openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext \
  -out server.crt 2>/dev/null

# Ports: echo backend 44000; node A admin 44901, listener 44443, heartbeat 44112;
# node B admin 44902, listener 44444, heartbeat 44113.
java -Xmx256m "$HERE/LoadGen.java" echo 44000 > echo.log 2>&1 & ECHO_PID=$!

node_yaml() { # name admin listener heartbeat peer-heartbeat priority
  cat <<YAML
node:
  name: $1
  drainTimeout: 1s
  admin: {listen: 127.0.0.1:$2}
certificates:
  server: {chain: server.crt, key: server.key}
listeners:
  - {name: zengin, mode: server, bind: 127.0.0.1:$3, target: 127.0.0.1:44000, downstreamTls: {certificate: server}}
pair:
  id: failover-bench
  listen: 127.0.0.1:$4
  peer: 127.0.0.1:$5
  priority: $6
  preempt: false
  secretFile: pair.secret
YAML
}
head -c 32 /dev/urandom | base64 > pair.secret
node_yaml node-a 44901 44443 44112 44113 200 > node-a.yaml
node_yaml node-b 44902 44444 44113 44112 100 > node-b.yaml
declare -A ADMIN=([node-a]=44901 [node-b]=44902) PRIORITY=([node-a]=200 [node-b]=100)

start_node() { # name
  java -Xms128m -Xmx256m -jar "$JAR" run --no-watch --config "$1.yaml" >> "$1.log" 2>&1 &
  PID[$1]=$!
  disown "${PID[$1]}" # killed on purpose: no "Killed" job notices
}
role() { # name -> init|backup|master|down
  curl -sf --max-time 2 "http://127.0.0.1:${ADMIN[$1]}/status" 2>/dev/null \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["pair"]["role"])' 2>/dev/null || echo down
}
await_role() { # name role
  for _ in $(seq 1 600); do [ "$(role "$1")" = "$2" ] && return 0; sleep 0.1; done
  echo "$1 did not become $2; log:" >&2; tail -20 "$1.log" >&2; exit 1
}

start_node node-a; await_role node-a master
start_node node-b; await_role node-b backup

coproc PROBE { java -Xmx256m "$HERE/FailoverProbe.java" "$WORK/ca.crt" 44443 44444; }
PROBE_PID=$PROBE_PID
echo warm >&"${PROBE[1]}"; read -r _ <&"${PROBE[0]}"

SAMPLES=()
KEEPALIVED=()
for i in $(seq 1 "$KILLS"); do
  if [ "$(role node-a)" = master ]; then master=node-a; backup=node-b; else master=node-b; backup=node-a; fi
  sleep 1 # let the backup see a few advertisements of the restarted peer
  echo "kill ${PID[$master]}" >&"${PROBE[1]}"
  read -r line <&"${PROBE[0]}"
  ms=${line#served_ms=}; ms=${ms%% *}
  SAMPLES+=("$ms")
  # keepalived defaults: advert_int 1 s, master down = 3 x advert + (256 - priority) / 256 s
  KEEPALIVED+=("$(( 3000 + (256 - ${PRIORITY[$backup]}) * 1000 / 256 ))")
  printf 'kill %2d: %s killed, %s serves after %4d ms (%s)\n' "$i" "$master" "$backup" "$ms" "$line"

  await_role "$backup" master
  start_node "$master"; await_role "$master" backup
done
eval "exec ${PROBE[1]}>&-"

python3 - "${SAMPLES[*]}" "${KEEPALIVED[*]}" <<'PY'
import sys
ours = sorted(int(x) for x in sys.argv[1].split())
keep = sorted(int(x) for x in sys.argv[2].split())
def pct(v, p):  # nearest rank
    k = max(1, -(-len(v) * p // 100))
    return v[k - 1]
print()
print(f"{len(ours)} kills: kill -9 -> first new TLS connection served: "
      f"p50 {pct(ours, 50)} ms, p99 {pct(ours, 99)} ms, min {ours[0]} ms, max {ours[-1]} ms")
print(f"keepalived defaults for the same priorities (detection only): p50 {pct(keep, 50)} ms, "
      f"p99 {pct(keep, 99)} ms")
print(f"ratio zengate / keepalived: p50 {pct(ours, 50) / pct(keep, 50):.2f}, "
      f"p99 {pct(ours, 99) / pct(keep, 99):.2f}")
PY
echo "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
