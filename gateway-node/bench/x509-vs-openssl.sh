#!/usr/bin/env bash
# The strict-profile test cases, validated by the gateway's `verify` and by
# `openssl verify -x509_strict`; prints every case where either differs from what the standards
# expect, then the counts (recorded in docs/path-validation.md).
#
#   gateway-node/bench/x509-vs-openssl.sh     (build the jar first: mvn -pl gateway-node package)
#
# The cases are the X509*Test methods of gateway-node: run with -Dx509.cases=DIR, each test writes
# its first chain to DIR/<Test>.<method>/ (trust.pem, chain.pem = peer's certificate first, purpose,
# expected accept|reject). An openssl that cannot even load a certificate counts as a reject.
# Needs: JDK 17, Maven (offline, run under flock /tmp/zengate-mvn.lock), openssl.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
JAR=${JAR:-$HERE/../target/zengate-gateway.jar}
CASES=${CASES:-$(mktemp -d /tmp/x509-cases.XXXXXX)}

[ -f "$JAR" ] || { echo "missing $JAR: build it with mvn -pl gateway-node package" >&2; exit 2; }

if [ -z "$(ls -A "$CASES" 2>/dev/null)" ]; then
  (cd "$ROOT" && flock /tmp/zengate-mvn.lock mvn -B -o -q -pl gateway-node test \
    -Dtest='X509*Test' -Dsurefire.failIfNoSpecifiedTests=false -Dx509.cases="$CASES" >"$CASES.mvn.log" 2>&1) ||
    { echo "the X509 tests failed; see $CASES.mvn.log" >&2; exit 1; }
fi

# openssl verify: the peer's certificate is the first of chain.pem, the rest are untrusted.
openssl_verdict() {
  local dir=$1 purpose=$2 work
  work=$(mktemp -d)
  awk -v dir="$work" '/-----BEGIN/{n++} {print > (dir "/cert" n ".pem")}' "$dir/chain.pem"
  local untrusted=()
  if ls "$work"/cert[2-9].pem >/dev/null 2>&1; then
    cat "$work"/cert[2-9].pem >"$work/untrusted.pem"
    untrusted=(-untrusted "$work/untrusted.pem")
  fi
  if openssl verify -x509_strict -purpose "ssl$purpose" -CAfile "$dir/trust.pem" \
    "${untrusted[@]}" "$work/cert1.pem" >"$work/out" 2>&1; then
    echo accept
  else
    echo "reject"
  fi
  rm -rf "$work"
}

zengate_verdict() {
  local dir=$1 purpose=$2 code=0
  java -jar "$JAR" verify --trust "$dir/trust.pem" --chain "$dir/chain.pem" \
    --purpose "$purpose" >/dev/null 2>&1 || code=$?
  case $code in
    0) echo accept ;;
    1) echo reject ;;
    *) echo "unusable" ;;
  esac
}

total=0 zengate_wrong=0 openssl_wrong=0 zengate_unsafe=0 openssl_unsafe=0
printf '%-80s %-8s %-9s %-8s\n' case expected zengate openssl
for dir in "$CASES"/*/; do
  dir=${dir%/}
  name=$(basename "$dir")
  expected=$(cat "$dir/expected")
  purpose=$(cat "$dir/purpose")
  z=$(zengate_verdict "$dir" "$purpose")
  o=$(openssl_verdict "$dir" "$purpose")
  total=$((total + 1))
  mark=""
  if [ "$z" != "$expected" ]; then
    zengate_wrong=$((zengate_wrong + 1)); mark="$mark zengate-wrong"
    [ "$z" = accept ] && zengate_unsafe=$((zengate_unsafe + 1))
  fi
  if [ "$o" != "$expected" ]; then
    openssl_wrong=$((openssl_wrong + 1)); mark="$mark openssl-wrong"
    [ "$o" = accept ] && openssl_unsafe=$((openssl_unsafe + 1))
  fi
  if [ -n "$mark" ] || [ -n "${ALL:-}" ]; then
    printf '%-80s %-8s %-9s %-8s%s\n' "$name" "$expected" "$z" "$o" "$mark"
  fi
done
echo
echo "cases: $total"
echo "zengate verify wrong: $zengate_wrong (accepted what the standards refuse: $zengate_unsafe)"
echo "openssl verify -x509_strict wrong: $openssl_wrong (accepted what the standards refuse: $openssl_unsafe)"
echo "cases kept in $CASES"
