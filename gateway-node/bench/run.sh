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
# Server function (TLS in, plaintext to the echo backend) and client function (plaintext in, TLS out
# to a TLS-terminating HAProxy on the load CPU, in front of the same echo backend). That TLS backend
# neither caches sessions nor issues tickets, so every upstream handshake is a full one whatever the
# proxy offers; HAProxy's server lines also have no-ssl-reuse. Whether a proxy would resume
# upstream is checked separately against a second TLS backend that allows resumption.
# Client-function rows: the TLS backend shares the load CPU with the clients and the echo backend,
# so on two cores their raw rates are often limited by the load CPU, not the proxy: the line
# "proxy CPU busy %" under each row says (near 100 % = proxy-bound); the per-core column holds.
# Short development run: SECONDS_PER_ROW=2 IDLE_CONNS=200 bash gateway-node/bench/run.sh
# (KEEP_WORK=1 keeps the work directory with configurations and logs.)
# Needs: JDK 17 (java, javac), openssl, haproxy (Debian: apt-get install haproxy), taskset. Uses 127.0.0.1 only.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
JAR=${JAR:-$HERE/../target/zengate-gateway.jar}
SECONDS_PER_ROW=${SECONDS_PER_ROW:-8}
CONN_THREADS=${CONN_THREADS:-16}    # concurrent plaintext clients in the client-function connection rows
IDLE_CONNS=${IDLE_CONNS:-5000}
PROXY_CPU=${PROXY_CPU:-0}
LOAD_CPU=${LOAD_CPU:-1}
WORK=$(mktemp -d /tmp/zengate-bench.XXXXXX)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ "${KEEP_WORK:-0}" = 1 ]; then echo "kept $WORK" >&2; else rm -rf "$WORK"; fi
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
# Client certificates (ECDSA P-256, clientAuth): one issued by the bench CA, and a "rogue" one from
# another CA that the mTLS listeners must refuse (checks that s_time really presents the cert).
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj /CN=rogue-ca \
  -keyout rogue-ca.key -out rogue-ca.crt 2>/dev/null
printf 'extendedKeyUsage=clientAuth\n' > client.ext
for pair in client:ca rogue:rogue-ca; do
  name=${pair%%:*} issuer=${pair#*:}
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj /CN=bench-$name \
    -keyout $name.key -out $name.csr 2>/dev/null
  openssl x509 -req -in $name.csr -CA $issuer.crt -CAkey $issuer.key -CAcreateserial -days 2 \
    -extfile client.ext -out $name.crt 2>/dev/null
  cat $name.crt $name.key > $name.pem
done

# LoadGen compiled once (the source launcher would compile it again for every row).
javac -d "$WORK/classes" "$HERE/LoadGen.java"

# Ports: backend echo 21000, discard 21001; gateway EC 22443 / RSA 22444 / bulk 22445 / EC mTLS
# 22446; haproxy 23443 / 23444 / 23445 / 23446. Client function, kind number i (CKINDS below):
# gateway 22500+i, haproxy 23500+i, their TLS backends 24500+i and 25500+i (one per proxy, so
# its session counters are per proxy); resumption check: 22600+j / 23600+j -> 24600+j / 25600+j.
# All below 32768: ports inside the ephemeral range can be taken by the run's own outgoing
# connections (a listener once failed with "Address already in use").
taskset -c $LOAD_CPU java -Xmx1g -Xss256k -cp "$WORK/classes" LoadGen echo 21000 & PIDS+=($!)
taskset -c $LOAD_CPU java -Xmx256m -cp "$WORK/classes" LoadGen discard 21001 & PIDS+=($!)

# Client-function kinds: name, certificate of the TLS backend, TLS version, backend asks for a
# client certificate (the proxies present client.crt).
CKINDS=("ec13 ec 1.3 no" "ec12 ec 1.2 no" "rsa13 rsa 1.3 no" "rsa12 rsa 1.2 no" "mtls13 ec 1.3 yes")
RKINDS=("ec13 ec 1.3 no" "ec12 ec 1.2 no")   # resumption check
tlsback_cfg() { # resumable(yes|no) kinds...
  local resumable=$1 i=0 k name cert ver mtls opts; shift
  cat <<CFG
global
  nbthread 1
  maxconn 9000
  $([ $resumable = no ] && echo "tune.ssl.cachesize 0")
  stats socket $WORK/tlsback-$resumable.sock
defaults
  mode tcp
  timeout connect 5s
  timeout client 120s
  timeout server 120s
backend echo
  server s 127.0.0.1:21000
CFG
  for k in "$@"; do
    read -r name cert ver mtls <<< "$k"
    opts="ssl crt $WORK/$cert.pem ssl-min-ver TLSv$ver ssl-max-ver TLSv$ver"
    [ $resumable = no ] && opts="$opts no-tls-tickets"
    [ $mtls = yes ] && opts="$opts ca-file $WORK/ca.crt verify required"
    for proxy in gw:$(( $([ $resumable = no ] && echo 24500 || echo 24600) + i )) \
                 hap:$(( $([ $resumable = no ] && echo 25500 || echo 25600) + i )); do
      printf 'frontend %s_%s\n  bind 127.0.0.1:%s %s\n  default_backend echo\n' \
        "${proxy%%:*}" "$name" "${proxy#*:}" "$opts"
    done
    i=$((i + 1))
  done
}
tlsback_cfg no "${CKINDS[@]}" > tlsback-no.cfg
tlsback_cfg yes "${RKINDS[@]}" > tlsback-yes.cfg
taskset -c $LOAD_CPU haproxy -f tlsback-no.cfg -db > tlsback-no.log 2>&1 & PIDS+=($!)
taskset -c $LOAD_CPU haproxy -f tlsback-yes.cfg -db > tlsback-yes.log 2>&1 & PIDS+=($!)

# Client-function listeners of both proxies, towards the TLS backends above.
client_listeners() { # gateway|haproxy gwport-base backend-base kinds...
  local which=$1 base=$2 back=$3 i=0 k name cert ver mtls; shift 3
  for k in "$@"; do
    read -r name cert ver mtls <<< "$k"
    if [ $which = gateway ]; then
      printf '  - {name: c-%s-%s, mode: client, bind: 127.0.0.1:%s, target: 127.0.0.1:%s, upstreamTls: {trust: bench, verifyName: 127.0.0.1%s}, limits: {maxConnections: 20000}}\n' \
        $name $base $((base + i)) $((back + i)) "$([ $mtls = yes ] && echo ', certificate: client')"
    else
      printf 'frontend c_%s_%s\n  bind 127.0.0.1:%s\n  default_backend c_%s_%s\nbackend c_%s_%s\n' \
        $name $base $((base + i)) $name $base $name $base
      printf '  server s 127.0.0.1:%s ssl verify required ca-file %s/ca.crt verifyhost 127.0.0.1 no-ssl-reuse%s\n' \
        $((back + i)) "$WORK" "$([ $mtls = yes ] && echo " crt $WORK/client.pem")"
    fi
    i=$((i + 1))
  done
}

cat > gateway.yaml <<YAML
node:
  name: bench
  tlsProvider: ${GATEWAY_TLS_PROVIDER:-openssl}
  admin: {listen: 127.0.0.1:29901}
certificates:
  ec: {chain: ec.crt, key: ec.key}
  rsa: {chain: rsa.crt, key: rsa.key}
  client: {chain: client.crt, key: client.key}
trust:
  bench: {caFiles: [ca.crt]}
listeners:
  - {name: ec, mode: server, bind: 127.0.0.1:22443, target: 127.0.0.1:21000, downstreamTls: {certificate: ec}, limits: {maxConnections: 20000}}
  - {name: rsa, mode: server, bind: 127.0.0.1:22444, target: 127.0.0.1:21000, downstreamTls: {certificate: rsa}, limits: {maxConnections: 20000}}
  - {name: bulk, mode: server, bind: 127.0.0.1:22445, target: 127.0.0.1:21001, downstreamTls: {certificate: ec}}
  - {name: ecm, mode: server, bind: 127.0.0.1:22446, target: 127.0.0.1:21000, downstreamTls: {certificate: ec, clientAuth: required, clientTrust: bench}, limits: {maxConnections: 20000}}
$(client_listeners gateway 22500 24500 "${CKINDS[@]}")
$(client_listeners gateway 22600 24600 "${RKINDS[@]}")
YAML
cat > haproxy.cfg <<CFG
global
  nbthread 1
  maxconn 9000
  tune.ssl.cachesize 0
  ssl-default-bind-options ssl-min-ver TLSv1.2
  stats socket $WORK/haproxy.sock
defaults
  mode tcp
  timeout connect 5s
  timeout client 120s
  timeout server 120s
frontend ec
  bind 127.0.0.1:23443 ssl crt $WORK/ec.pem
  default_backend echo
frontend rsa
  bind 127.0.0.1:23444 ssl crt $WORK/rsa.pem
  default_backend echo
frontend bulk
  bind 127.0.0.1:23445 ssl crt $WORK/ec.pem
  default_backend discard
frontend ecm
  bind 127.0.0.1:23446 ssl crt $WORK/ec.pem ca-file $WORK/ca.crt verify required
  default_backend echo
$(client_listeners haproxy 23500 25500 "${CKINDS[@]}")
$(client_listeners haproxy 23600 25600 "${RKINDS[@]}")
backend echo
  server s 127.0.0.1:21000
backend discard
  server s 127.0.0.1:21001
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
for i in $(seq 1 150); do
  curl -sf http://127.0.0.1:29901/health >/dev/null 2>&1 && break; sleep 0.2
done
curl -sf http://127.0.0.1:29901/health >/dev/null 2>&1 \
  || { echo "the gateway did not come up; gateway.log:" >&2; tail -20 gateway.log >&2; exit 1; }
for f in haproxy tlsback-no tlsback-yes; do
  [ -S $f.sock ] || sleep 1
  [ -S $f.sock ] || { echo "$f did not come up; $f.log:" >&2; tail -5 $f.log >&2; exit 1; }
done
sleep 1

# HAProxy frontend counters: hap_stat SOCKET FRONTEND FIELD... -> the values, space separated.
hap_stat() {
  python3 - "$@" <<'PY'
import socket, sys
s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); s.sendall(b"show stat\n"); d = b""
while (x := s.recv(65536)):
    d += x
lines = d.decode().splitlines(); head = lines[0][2:].split(",")
for line in lines[1:]:
    f = line.split(",")
    if len(f) > 2 and f[0] == sys.argv[2] and f[1] == "FRONTEND":
        print(" ".join(f[head.index(k)] for k in sys.argv[3:]))
PY
}
# Gateway downstream handshakes of a listener: "successes failures".
gw_hs() {
  curl -sf http://127.0.0.1:29901/metrics | awk -v l="listener=\"$1\"" '
    /^zengate_handshakes_total/ && index($0, l) && /side="downstream"/ {
      if ($0 ~ /result="success"/) ok += $NF; else bad += $NF }
    END { printf "%d %d\n", ok, bad }'
}

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
  taskset -c $LOAD_CPU java -Xmx512m -cp "$WORK/classes" LoadGen rr 127.0.0.1:$1 "$WORK/ca.crt" 50 $SECONDS_PER_ROW \
    | awk -F'[ =]' '{print $2, $6}'
}
crr_row() { # port [seconds] -> "ops p99" (plaintext, client function)
  taskset -c $LOAD_CPU java -Xmx512m -cp "$WORK/classes" LoadGen rr 127.0.0.1:$1 - 50 ${2:-$SECONDS_PER_ROW} \
    | awk -F'[ =]' '{print $2, $6}'
}
conn_row() { # port [seconds] -> "ops failed" (plaintext, client function)
  taskset -c $LOAD_CPU java -Xmx512m -cp "$WORK/classes" LoadGen conn 127.0.0.1:$1 $CONN_THREADS ${2:-$SECONDS_PER_ROW} \
    | awk -F'[ =]' '{print $2, $6}'
}
bulk_row() { # port -> "bytes"
  taskset -c $LOAD_CPU java -Xmx256m -cp "$WORK/classes" LoadGen bulk 127.0.0.1:$1 "$WORK/ca.crt" 1024 \
    | awk -F'[ =]' '{print $2}'
}

# mTLS listeners (port 22446 / 23446): s_time must really present client.crt. In TLS 1.3 the
# client finishes its handshake before the server has checked the certificate, so s_time counts
# refused connections as made; the proxies' own counters tell: with the rogue certificate or none
# no handshake may succeed, with client.crt some must (HAProxy also counts a few percent of good
# handshakes as failed, on every TLS 1.3 frontend: s_time closes right after its Finished).
MTLS_GOOD="-tls1_3 -cert $WORK/client.crt -key $WORK/client.key"
mtls_counts() { # gw|hap -> "successes failures"
  if [ $1 = gw ]; then gw_hs ecm; else hap_stat $WORK/haproxy.sock ecm ssl_sess ssl_failed_handshake; fi
}
mtls_check() {
  local proxy port cert a b c d flags verdict=ok report=""
  for proxy in gw:22446 hap:23446; do
    port=${proxy#*:}; proxy=${proxy%%:*}
    for cert in rogue none client; do
      flags="-tls1_3"
      [ $cert != none ] && flags="-tls1_3 -cert $WORK/$cert.crt -key $WORK/$cert.key"
      read -r a b <<< "$(mtls_counts $proxy)"
      handshakes $port "$flags" 1 >/dev/null
      # s_time does not wait for the server's verdict: wait until the counters settle.
      local now last="" n
      for n in $(seq 1 30); do
        sleep 0.3; now=$(mtls_counts $proxy)
        [ "$now" = "$last" ] && break; last=$now
      done
      read -r c d <<< "$now"
      report="$report $proxy/$cert: $((c - a)) ok $((d - b)) refused;"
      if [ $cert = client ]; then
        [ $((c - a)) -gt 0 ] || verdict=FAILED
      else
        [ $((c - a)) -eq 0 ] && [ $((d - b)) -gt 0 ] || verdict=FAILED
      fi
    done
  done
  echo "mTLS check $verdict:$report" >&2
  [ $verdict = ok ]
}

# Client function, upstream resumption: the second TLS backend allows it (session cache and
# tickets); HAProxy has no-ssl-reuse, the gateway nothing to turn off. Counts sessions resumed
# (HAProxy's ssl_sess counts full handshakes only, ssl_reused_sess resumed ones).
resumption_check() {
  local j=0 k name cert ver mtls g0 g1 h0 h1 report=""
  for k in "${RKINDS[@]}"; do
    read -r name cert ver mtls <<< "$k"
    g0=$(hap_stat $WORK/tlsback-yes.sock gw_$name ssl_sess ssl_reused_sess)
    h0=$(hap_stat $WORK/tlsback-yes.sock hap_$name ssl_sess ssl_reused_sess)
    taskset -c $LOAD_CPU java -Xmx256m -cp "$WORK/classes" LoadGen conn 127.0.0.1:$((22600 + j)) 2 1 >/dev/null
    taskset -c $LOAD_CPU java -Xmx256m -cp "$WORK/classes" LoadGen conn 127.0.0.1:$((23600 + j)) 2 1 >/dev/null
    g1=$(hap_stat $WORK/tlsback-yes.sock gw_$name ssl_sess ssl_reused_sess)
    h1=$(hap_stat $WORK/tlsback-yes.sock hap_$name ssl_sess ssl_reused_sess)
    report="$report TLS${ver} gateway $(( ${g1#* } - ${g0#* } )) of $(( ${g1#* } - ${g0#* } + ${g1% *} - ${g0% *} )),"
    report="$report haproxy $(( ${h1#* } - ${h0#* } )) of $(( ${h1#* } - ${h0#* } + ${h1% *} - ${h0% *} ));"
    j=$((j + 1))
  done
  echo "client function, upstream handshakes resumed when the TLS backend allows it:$report"
}

mtls_check || echo "WARNING: mTLS rows would not measure mutual TLS; see the line above" >&2

echo "warming up the JVM (handshakes and requests on both proxies)..." >&2
handshakes 22443 -tls1_3 10 >/dev/null; handshakes 22444 -tls1_2 10 >/dev/null
handshakes 22446 "$MTLS_GOOD" 3 >/dev/null
handshakes 23443 -tls1_3 3 >/dev/null
rr_row 22443 >/dev/null; bulk_row 22445 >/dev/null
conn_row 22500 4 >/dev/null; conn_row 22501 4 >/dev/null; crr_row 22500 3 >/dev/null
conn_row 23500 2 >/dev/null

printf '%-34s %14s %14s %10s %14s %14s %10s\n' "row" "gateway/s" "haproxy/s" "raw ratio" "gw/core-s" "hap/core-s" "core ratio"
row() { # label gwport happort kind flag|client-kind-name
  local label=$1 g h gs0="0 0" gs1="0 0" hs0="0 0" hs1="0 0" back=$WORK/tlsback-no.sock
  case $4 in
    hs) g=$(measure gw $GATEWAY hs_row $2 "$5"); h=$(measure hap $HAPROXY hs_row $3 "$5");;
    rr) g=$(measure gw $GATEWAY rr_row $2); h=$(measure hap $HAPROXY rr_row $3);;
    crr) g=$(measure gw $GATEWAY crr_row $2); h=$(measure hap $HAPROXY crr_row $3);;
    bulk) g=$(measure gw $GATEWAY bulk_row $2); h=$(measure hap $HAPROXY bulk_row $3);;
    conn)
      gs0=$(hap_stat $back gw_$5 ssl_sess ssl_reused_sess)
      g=$(measure gw $GATEWAY conn_row $2)
      gs1=$(hap_stat $back gw_$5 ssl_sess ssl_reused_sess)
      hs0=$(hap_stat $back hap_$5 ssl_sess ssl_reused_sess)
      h=$(measure hap $HAPROXY conn_row $3)
      hs1=$(hap_stat $back hap_$5 ssl_sess ssl_reused_sess);;
  esac
  # fields: name ops [p99 | failed] wall cpu
  python3 - "$label" "$4" "$g" "$h" "$gs0 $gs1" "$hs0 $hs1" <<'PY'
import sys
label, kind, g, h = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
def parse(f):
    if kind in ("rr", "crr", "conn"):  # p99 or failed connections
        return float(f[1]), float(f[2]), float(f[3]), float(f[4])
    return float(f[1]), None, float(f[2]), float(f[3])
gops, gp99, gwall, gcpu = parse(g)
hops, hp99, hwall, hcpu = parse(h)
scale = 1 / 1e6 if kind == "bulk" else 1
grate, hrate = gops / gwall * scale, hops / hwall * scale
gcore, hcore = gops / max(gcpu, 1e-9) * scale, hops / max(hcpu, 1e-9) * scale
unit = " MB" if kind == "bulk" else ""
print(f"{label:<34} {grate:14.1f} {hrate:14.1f} {grate/hrate:10.2f} {gcore:14.1f} {hcore:14.1f} {gcore/hcore:10.2f}")
if kind in ("rr", "crr"):
    print(f"{'  p99 latency ms (gw / haproxy)':<34} {gp99:14.2f} {hp99:14.2f}")
if kind in ("crr", "conn"):
    # Below ~100 % the proxy was not the bottleneck (the load CPU or the TLS backend was).
    print(f"{'  proxy CPU busy % (gw / haproxy)':<34} {100 * gcpu / gwall:14.0f} {100 * hcpu / hwall:14.0f}")
if kind == "conn":
    def sessions(arg):
        a = [int(x) for x in arg.split()]
        return f"{a[2] - a[0]}/{a[3] - a[1]}"
    print(f"{'  upstream handshakes full/resumed':<34} {sessions(sys.argv[5]):>14} {sessions(sys.argv[6]):>14}")
    if gp99 or hp99:
        print(f"{'  FAILED connections (gw / haproxy)':<34} {gp99:14.0f} {hp99:14.0f}")
PY
}
row "full handshakes ECDSA P-256 TLS1.2" 22443 23443 hs -tls1_2
row "full handshakes ECDSA P-256 TLS1.3" 22443 23443 hs -tls1_3
row "full handshakes RSA-2048 TLS1.2" 22444 23444 hs -tls1_2
row "full handshakes RSA-2048 TLS1.3" 22444 23444 hs -tls1_3
row "full handshakes ECDSA TLS1.3 mTLS" 22446 23446 hs "$MTLS_GOOD"
row "keep-alive req/s, 50 conns, 64 B" 22443 23443 rr
row "bulk MB/s, 1 conn, 1 GiB upload" 22445 23445 bulk
echo "client function (plaintext in, TLS to a TLS backend on the load CPU; full handshakes):"
i=0
for k in "${CKINDS[@]}"; do
  read -r name cert ver mtls <<< "$k"
  label="new conns/s $([ $cert = ec ] && echo ECDSA P-256 || echo RSA-2048) TLS$ver"
  [ $mtls = yes ] && label="new conns/s ECDSA TLS$ver mTLS"
  row "$label" $((22500 + i)) $((23500 + i)) conn $name
  i=$((i + 1))
done
row "keep-alive req/s, 50 conns, TLS1.3" 22500 23500 crr
resumption_check

idle_rss() { # pid port -> KiB per connection
  local before after fifo=$WORK/idle.fifo.$2
  before=$(rss_kib $1)
  mkfifo "$fifo"
  taskset -c $LOAD_CPU java -Xmx1g -cp "$WORK/classes" LoadGen idle 127.0.0.1:$2 "$WORK/ca.crt" $IDLE_CONNS < "$fifo" > "$WORK/idle.$2" &
  local client=$!
  exec 9> "$fifo"
  for i in $(seq 1 600); do grep -q ready "$WORK/idle.$2" 2>/dev/null && break; sleep 0.5; done
  sleep 2
  after=$(rss_kib $1)
  exec 9>&-
  wait $client 2>/dev/null || true
  echo "scale=2; ($after - $before) / $IDLE_CONNS" | bc -l
}
g=$(idle_rss $GATEWAY 22443); h=$(idle_rss $HAPROXY 23443)
printf '%-34s %14s %14s %10s\n' "RSS KiB per idle TLS conn ($IDLE_CONNS)" "$g" "$h" "$(echo "scale=2; $g / $h" | bc -l)"
echo
echo "gateway RSS $(rss_kib $GATEWAY) KiB, haproxy RSS $(rss_kib $HAPROXY) KiB at the end;" \
  "$(nproc) CPUs: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
