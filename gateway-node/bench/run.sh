#!/usr/bin/env bash
# Side-by-side benchmark: Zengate gateway vs HAProxy as TLS-terminating TCP proxies on loopback.
#
#   gateway-node/bench/run.sh            (build the jar first: mvn -pl gateway-node package)
#
# The proxy under test is pinned to CPU 0, load generators and the backend to CPU 1 (taskset).
# Both proxies get the same certificates, the same backend and the same clients in one run. For
# each row it prints the raw rate and the rate per proxy core-second (operations / CPU seconds the
# proxy process used, from /proc/PID/stat), and the ratio gateway / HAProxy.
# Full handshakes: `openssl s_time -new` (no session resumption; HAProxy's cache is also off).
# Needs: java 17, openssl, haproxy (Debian: apt-get install haproxy), taskset. Uses 127.0.0.1 only.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/zengate-gateway.jar}
SECONDS_PER_ROW=${SECONDS_PER_ROW:-8}
IDLE_CONNS=${IDLE_CONNS:-5000}
PROXY_CPU=${PROXY_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
WORK=$(mktemp -d /tmp/zengate-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
[ -f "$JAR" ] || { echo "missing $JAR: run mvn -pl gateway-node package" >&2; exit 1; }
command -v haproxy >/dev/null || { echo "haproxy not installed" >&2; exit 1; }

# --- PKI: one CA, an ECDSA P-256 and an RSA-2048 server certificate for 127.0.0.1 -----------
cd "$WORK"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=bench-ca \
  -keyout ca.key -out ca.crt 2>/dev/null
for kind in ec rsa; do
  if [ $kind = ec ]; then opts="-newkey ec -pkeyopt ec_paramgen_curve:P-256"; else opts="-newkey rsa:2048"; fi
  openssl req $opts -nodes -subj /CN=127.0.0.1 -keyout $kind.key -out $kind.csr 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1\n' > san.ext
  openssl x509 -req -in $kind.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile san.ext \
    -out $kind.crt 2>/dev/null
  cat $kind.crt $kind.key > $kind.pem
done

# Ports: backend echo 41000, discard 41001; gateway EC 42443 / RSA 42444; haproxy 43443 / 43444.
taskset -c $LOAD_CPU java -Xmx1g -Xss256k "$HERE/LoadGen.java" echo 41000 & PIDS+=($!)
taskset -c $LOAD_CPU java -Xmx256m "$HERE/LoadGen.java" discard 41001 & PIDS+=($!)

cat > gateway.yaml <<YAML
node:
  name: bench
  tlsProvider: ${GATEWAY_TLS_PROVIDER:-openssl}
  admin: {listen: 127.0.0.1:49901}
certificates:
  ec: {chain: ec.crt, key: ec.key}
  rsa: {chain: rsa.crt, key: rsa.key}
listeners:
  - {name: ec, mode: server, bind: 127.0.0.1:42443, target: 127.0.0.1:41000, downstreamTls: {certificate: ec}, limits: {maxConnections: 20000}}
  - {name: rsa, mode: server, bind: 127.0.0.1:42444, target: 127.0.0.1:41000, downstreamTls: {certificate: rsa}, limits: {maxConnections: 20000}}
  - {name: bulk, mode: server, bind: 127.0.0.1:42445, target: 127.0.0.1:41001, downstreamTls: {certificate: ec}}
YAML
cat > haproxy.cfg <<CFG
global
  nbthread 1
  maxconn 9000
  tune.ssl.cachesize 0
  ssl-default-bind-options ssl-min-ver TLSv1.2
defaults
  mode tcp
  timeout connect 5s
  timeout client 120s
  timeout server 120s
frontend ec
  bind 127.0.0.1:43443 ssl crt $WORK/ec.pem
  default_backend echo
frontend rsa
  bind 127.0.0.1:43444 ssl crt $WORK/rsa.pem
  default_backend echo
frontend bulk
  bind 127.0.0.1:43445 ssl crt $WORK/ec.pem
  default_backend discard
backend echo
  server s 127.0.0.1:41000
backend discard
  server s 127.0.0.1:41001
CFG

# HAProxy runs without a log directive, so the gateway's per-connection log lines are turned off
# too (LOG_CONNECTIONS=1 keeps them); handshake failures and lifecycle lines are still logged.
cat > logging.properties <<PROPS
handlers=java.util.logging.ConsoleHandler
.level=INFO
dev.zengate.gateway.connections.level=$([ "${LOG_CONNECTIONS:-0}" = 1 ] && echo INFO || echo WARNING)
PROPS
taskset -c $PROXY_CPU java -Xms256m -Xmx256m -Djava.util.logging.config.file=logging.properties -jar "$JAR" run --no-watch --config gateway.yaml \
  > gateway.log 2>&1 & GATEWAY=$!; PIDS+=($GATEWAY)
taskset -c $PROXY_CPU haproxy -f haproxy.cfg -db > haproxy.log 2>&1 & HAPROXY=$!; PIDS+=($HAPROXY)
for i in $(seq 1 100); do
  curl -sf http://127.0.0.1:49901/health >/dev/null 2>&1 && break; sleep 0.2
done
sleep 1

TCK=$(getconf CLK_TCK)
cpu() { awk -v t="$TCK" '{printf "%.3f", ($14+$15)/t}' /proc/$1/stat; }
rss_kib() { awk '/VmRSS/{print $2}' /proc/$1/status; }

# Full handshakes: 2 s_time clients in parallel on the load CPU; prints connections and wall.
handshakes() { # port tlsflag seconds
  local out=$WORK/stime.$$; : > "$out"
  local pids=()
  for c in 1 2; do
    taskset -c $LOAD_CPU openssl s_time -connect 127.0.0.1:$1 -new $2 -time $3 > "$out.$c" 2>/dev/null &
    pids+=($!)
  done
  wait "${pids[@]}" || true
  cat "$out".1 "$out".2 > "$out"
  awk '/connections in .* real seconds/{n+=$1} END{print n+0}' "$out"
}

ROWS=()
measure() { # label pid command... ; command prints "ops wall"
  local label=$1 pid=$2; shift 2
  local c0 t0 c1 t1 result
  c0=$(cpu $pid); t0=$(date +%s.%N)
  result=$("$@")
  t1=$(date +%s.%N); c1=$(cpu $pid)
  echo "$label $result $(echo "$t1 - $t0" | bc -l) $(echo "$c1 - $c0" | bc -l)"
}

hs_row() { # port flag -> "ops"
  handshakes $1 "$2" $SECONDS_PER_ROW
}
rr_row() { # port -> "ops p99"
  taskset -c $LOAD_CPU java -Xmx512m "$HERE/LoadGen.java" rr 127.0.0.1:$1 "$WORK/ca.crt" 50 $SECONDS_PER_ROW \
    | awk -F'[ =]' '{print $2, $6}'
}
bulk_row() { # port -> "bytes"
  taskset -c $LOAD_CPU java -Xmx256m "$HERE/LoadGen.java" bulk 127.0.0.1:$1 "$WORK/ca.crt" 1024 \
    | awk -F'[ =]' '{print $2}'
}

echo "warming up the JVM (handshakes and requests on both proxies)..." >&2
handshakes 42443 -tls1_3 10 >/dev/null; handshakes 42444 -tls1_2 10 >/dev/null
handshakes 43443 -tls1_3 3 >/dev/null
rr_row 42443 >/dev/null; bulk_row 42445 >/dev/null

printf '%-34s %14s %14s %10s %14s %14s %10s\n' "row" "gateway/s" "haproxy/s" "raw ratio" "gw/core-s" "hap/core-s" "core ratio"
row() { # label gwport happort kind flag
  local label=$1 g h
  case $4 in
    hs) g=$(measure gw $GATEWAY hs_row $2 "$5"); h=$(measure hap $HAPROXY hs_row $3 "$5");;
    rr) g=$(measure gw $GATEWAY rr_row $2); h=$(measure hap $HAPROXY rr_row $3);;
    bulk) g=$(measure gw $GATEWAY bulk_row $2); h=$(measure hap $HAPROXY bulk_row $3);;
  esac
  # fields: name ops [p99] wall cpu
  python3 - "$label" "$4" "$g" "$h" <<'PY'
import sys
label, kind, g, h = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
def parse(f):
    if kind == "rr":
        return float(f[1]), float(f[2]), float(f[3]), float(f[4])
    return float(f[1]), None, float(f[2]), float(f[3])
gops, gp99, gwall, gcpu = parse(g)
hops, hp99, hwall, hcpu = parse(h)
scale = 1 / 1e6 if kind == "bulk" else 1
grate, hrate = gops / gwall * scale, hops / hwall * scale
gcore, hcore = gops / max(gcpu, 1e-9) * scale, hops / max(hcpu, 1e-9) * scale
unit = " MB" if kind == "bulk" else ""
print(f"{label:<34} {grate:14.1f} {hrate:14.1f} {grate/hrate:10.2f} {gcore:14.1f} {hcore:14.1f} {gcore/hcore:10.2f}")
if kind == "rr":
    print(f"{'  p99 latency ms (gw / haproxy)':<34} {gp99:14.2f} {hp99:14.2f}")
PY
}
row "full handshakes ECDSA P-256 TLS1.2" 42443 43443 hs -tls1_2
row "full handshakes ECDSA P-256 TLS1.3" 42443 43443 hs -tls1_3
row "full handshakes RSA-2048 TLS1.2" 42444 43444 hs -tls1_2
row "full handshakes RSA-2048 TLS1.3" 42444 43444 hs -tls1_3
row "keep-alive req/s, 50 conns, 64 B" 42443 43443 rr
row "bulk MB/s, 1 conn, 1 GiB upload" 42445 43445 bulk

idle_rss() { # pid port -> KiB per connection
  local before after fifo=$WORK/idle.fifo.$2
  before=$(rss_kib $1)
  mkfifo "$fifo"
  taskset -c $LOAD_CPU java -Xmx1g "$HERE/LoadGen.java" idle 127.0.0.1:$2 "$WORK/ca.crt" $IDLE_CONNS < "$fifo" > "$WORK/idle.$2" &
  local client=$!
  exec 9> "$fifo"
  for i in $(seq 1 600); do grep -q ready "$WORK/idle.$2" 2>/dev/null && break; sleep 0.5; done
  sleep 2
  after=$(rss_kib $1)
  exec 9>&-
  wait $client 2>/dev/null || true
  echo "scale=2; ($after - $before) / $IDLE_CONNS" | bc -l
}
g=$(idle_rss $GATEWAY 42443); h=$(idle_rss $HAPROXY 43443)
printf '%-34s %14s %14s %10s\n' "RSS KiB per idle TLS conn ($IDLE_CONNS)" "$g" "$h" "$(echo "scale=2; $g / $h" | bc -l)"
echo
echo "gateway RSS $(rss_kib $GATEWAY) KiB, haproxy RSS $(rss_kib $HAPROXY) KiB at the end;" \
  "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
