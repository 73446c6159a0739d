#!/usr/bin/env bash
# The organisation-scale live scan: a real `resilint scan --organization` against a simulated
# organisation on the fake AWS (FakeOrganization, a process of its own on loopback), with a fixed
# latency on every call. Prints the organisation, the call budget and the latency lower bound, then
# the scan's wall time and peak memory (GNU time), the calls answered against the budget, and the
# same for the organisation scanned as shards one after the other (--shard K/N) and merged.
#
#   bench/org-scan.sh                    # 200 accounts x 2 regions x ~100 resources, 20 ms a call
#   ACCOUNTS=50 LATENCY=50 bench/org-scan.sh
#   SHARDS=0 bench/org-scan.sh           # without the sharded runs
#   SCAN_JAVA_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m" bench/org-scan.sh   # bounded memory
#   SCAN_JAVA_OPTS=" " bench/org-scan.sh     # the scan under the JVM's defaults (plain java -jar)
#
# The scan runs through ./resilint, as the README's workflows do, with the launcher's JVM options
# unless SCAN_JAVA_OPTS replaces them. The fake runs C1 only (FAKE_JAVA_OPTS replaces that): it
# stands in for AWS but shares the two cores, so its CPU is kept as small as it can be.
#
# Needs Java 17, Maven and GNU time. Nothing leaves loopback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
accounts="${ACCOUNTS:-200}"
latency="${LATENCY:-20}"
shards="${SHARDS:-4}"
out="$root/bench/target/org-scan"
mkdir -p "$out"

echo "== build"
mvn -B -q -Dstyle.color=never -DskipTests -Dinvoker.skip=true -Pbench -pl cli,bench -am package >/dev/null
jar="$root/cli/target/resilint.jar"
"$root/resilint" --version >/dev/null # the launcher's class-data sharing archive, before any timing
[ -n "${SCAN_JAVA_OPTS+set}" ] && export RESILINT_JAVA_OPTS="$SCAN_JAVA_OPTS"

# serve: starts the organisation; sets endpoint and key; the server's output goes to $out/server.log
serve() {
  coproc SERVER { java ${FAKE_JAVA_OPTS:--XX:TieredStopAtLevel=1} -cp "$root/bench/target/benchmarks.jar" dev.resilint.bench.live.FakeOrganization \
    "$accounts" "$latency" eu-west-1 us-east-1 2>&1; }
  server_pid="$SERVER_PID" # bash unsets SERVER_PID once the coprocess ends
  : >"$out/server.log"
  while IFS= read -r line <&"${SERVER[0]}"; do
    echo "$line" >>"$out/server.log"
    case "$line" in
      endpoint\ *) endpoint="${line#endpoint }" ;;
      access-key\ *) key="${line#access-key }" ;;
      budget:*) echo "$line"; break ;;
      organisation:*) echo "$line" ;;
    esac
  done
}

# stop: closes the server's input, waits for its call report
stop() {
  exec {SERVER[1]}>&-
  while IFS= read -r line <&"${SERVER[0]}"; do
    echo "$line" >>"$out/server.log"
    echo "  $line"
  done
  wait "$server_pid" 2>/dev/null || true
}

# scan LABEL ARGS...: one resilint scan under GNU time
scan() {
  local label="$1"
  shift
  AWS_ACCESS_KEY_ID="$key" AWS_SECRET_ACCESS_KEY=fake AWS_REGION=eu-west-1 AWS_ENDPOINT_URL="$endpoint" \
    /usr/bin/time -f "%e %U %S %M" -o "$out/time.one" \
    "$root/resilint" scan --organization --role-name ResilintScan --region eu-west-1 --region us-east-1 \
      --fail-on none "$@" >"$out/$label.out" 2>"$out/$label.err" || true
  read -r wall user sys rss <"$out/time.one"
  printf '%-28s wall %6.2f s  cpu %6.2f s  peak RSS %5.0f MB\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" \
    "$(echo "$rss / 1024" | bc)"
}

echo "== one scan of the whole organisation"
serve
scan "whole" --format json --output-file "$out/whole.json"
stop

if [ "$shards" -gt 0 ]; then
  echo "== the same as $shards shards, one after the other"
  serve
  for k in $(seq "$shards"); do
    scan "shard-$k-of-$shards" --shard "$k/$shards" --format json --output-file "$out/shard-$k.json"
  done
  stop
  java -jar "$jar" merge "$out"/shard-*.json --format json --output-file "$out/merged.json" >/dev/null 2>&1 || true
  if cmp -s "$out/merged.json" "$out/whole.json"; then
    echo "merged shards: byte-identical to the whole scan"
  else
    echo "merged shards: DIFFER from the whole scan (see $out)"
  fi
fi
