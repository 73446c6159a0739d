#!/usr/bin/env bash
# Reruns every resilint benchmark and prints the numbers that docs/BENCHMARKS.md records.
#
#   bench/run.sh                 # all benchmarks (about 10 minutes)
#   RUNS=10 bench/run.sh         # more repetitions of the process-level measurements
#   SKIP_JMH=1 bench/run.sh      # without the JMH benchmarks (3 and 4)
#
# Needs Java 17, Maven and GNU time (/usr/bin/time, Debian package "time"). Reads the corpus from
# ../shared/corpus (override with RESILINT_CORPUS). Nothing here touches the network beyond the
# Maven registry for the build. Benchmarks are not tests: nothing asserts a time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
corpus="${RESILINT_CORPUS:-$root/../shared/corpus}"
runs="${RUNS:-5}"
out="$root/bench/target"
mkdir -p "$out"

if [ ! -x /usr/bin/time ]; then
  echo "bench: /usr/bin/time (GNU time) is needed: apt-get install time" >&2
  exit 2
fi
if [ ! -d "$corpus" ]; then
  echo "bench: corpus not found at $corpus (set RESILINT_CORPUS)" >&2
  exit 2
fi

echo "== build"
mvn -B -q -Dstyle.color=never -DskipTests -Dinvoker.skip=true -Pbench -pl cli,bench -am package >/dev/null
jar="$root/cli/target/resilint.jar"
rm -f "$root/cli/target/resilint.jsa"
"$root/resilint" --version >/dev/null   # the launcher creates its class-data sharing archive

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo "memory: $(free -h | awk '/Mem:/ {print $2}')"
echo "java: $(java -version 2>&1 | head -1)"
echo "corpus: $corpus ($(find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) | wc -l) candidate files)"

# measure LABEL RUNS COMMAND...: one warm-up, then RUNS runs under GNU time; prints median and
# range of wall seconds, CPU seconds (user+sys) and peak RSS.
measure() {
  local label="$1" n="$2"
  shift 2
  "$@" >/dev/null 2>&1 || true   # warm-up (page cache, CDS archive mapping)
  local file="$out/$(echo "$label" | tr -c 'a-zA-Z0-9' '_').times"
  : >"$file"
  for _ in $(seq "$n"); do
    /usr/bin/time -f "%e %U %S %M" -o "$file.one" "$@" >/dev/null 2>&1 || true
    tail -1 "$file.one" >>"$file"
  done
  awk -v label="$label" '
    { wall[NR] = $1; cpu[NR] = $2 + $3; rss[NR] = $4 / 1024 }
    function median(a, n,   i, j, t, b) {
      for (i = 1; i <= n; i++) b[i] = a[i]
      for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
      return (n % 2) ? b[(n + 1) / 2] : (b[n / 2] + b[n / 2 + 1]) / 2
    }
    function lo(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] < m) m = a[i]; return m }
    function hi(a, n,   i, m) { m = a[1]; for (i = 2; i <= n; i++) if (a[i] > m) m = a[i]; return m }
    END {
      printf "%-44s wall %.2f s [%.2f-%.2f]  cpu %.2f s [%.2f-%.2f]  peak RSS %.0f MB [%.0f-%.0f]  (n=%d)\n",
        label, median(wall, NR), lo(wall, NR), hi(wall, NR), median(cpu, NR), lo(cpu, NR), hi(cpu, NR),
        median(rss, NR), lo(rss, NR), hi(rss, NR), NR
    }' "$file"
}

echo "== 1. whole corpus, one CLI process"
measure "corpus, ./resilint (launcher)" "$runs" \
  "$root/resilint" check "$corpus" --format json --output-file /dev/null --fail-on none
measure "corpus, java -jar (default JVM flags)" "$runs" \
  java -jar "$jar" check "$corpus" --format json --output-file /dev/null --fail-on none

echo "== 2. one medium template, cold start to exit"
medium="$root/examples/flawed/network-and-web.yaml"
measure "one template, ./resilint (launcher)" "$((runs * 2))" "$root/resilint" check "$medium" --fail-on none
measure "one template, java -jar (default JVM flags)" "$((runs * 2))" java -jar "$jar" check "$medium" --fail-on none

if [ "${SKIP_JMH:-}" != "1" ]; then
  echo "== 3. parse + evaluate + rules throughput, warm JVM (JMH)"
  java -jar "$root/bench/target/benchmarks.jar" TemplateBenchmark -p corpus="$corpus" \
    -rf json -rff "$out/jmh-templates.json" 2>&1 | grep -E '^# templates per pass|^Benchmark|TemplateBenchmark\.' || true

  echo "== 4. code rules against a bare ArchUnit import of the same classes (JMH)"
  java -jar "$root/bench/target/benchmarks.jar" CodeBenchmark -rf json -rff "$out/jmh-code.json" 2>&1 \
    | grep -E '^# jars|^Benchmark|CodeBenchmark\.' || true
fi

echo "== 5. live scan against the fake AWS on loopback, 20 and 50 ms a call"
for latency in 20 50; do
  java -cp "$root/bench/target/benchmarks.jar" dev.resilint.bench.live.LiveScanBenchmark "$latency" "$runs" 2>/dev/null \
    | grep -E '^== live|^calls|^wall|^cpu|over$|could not'
done
