#!/usr/bin/env bash
# Fuzzes everything past the template loader (SAM transform, Metadata suppressions, the graph, the
# evaluator on every property path, every infrastructure rule) for a million inputs, and prints the
# numbers that docs/BENCHMARKS.md records ("Fuzzing past the loader").
#
#   bench/fuzz.sh                                  # 1,000,000 inputs, at most 8 hours
#   INPUTS=200000 DURATION=45m bench/fuzz.sh       # fewer inputs, or stop earlier
#   bench/fuzz.sh -o -Dmaven.repo.local=DIR        # further arguments go to every mvn call
#
# The target is PipelineFuzzTest (rules-infra), run by the fuzz-pipeline surefire execution with
# JAZZER_FUZZ=1; its inputs are templates built from a small grammar and mutations of the seed
# templates (the test resources, the examples and the corpus in ../shared/corpus, override with
# RESILINT_CORPUS). Jazzer stops at the first finding (a crash, an internal error, an input slower
# than 5 s or a hang of 30 s) and writes it to rules-infra/target/jazzer-pipeline/; the run then
# fails. Nothing here touches the network beyond the Maven registry for the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
corpus="${RESILINT_CORPUS:-$root/../shared/corpus}"
inputs="${INPUTS:-1000000}"
duration="${DURATION:-8h}"
out="$root/bench/target"
mkdir -p "$out"
log="$out/fuzz.log"

echo "== build"
mvn -B -q -Dstyle.color=never "$@" -DskipTests -Dinvoker.skip=true -pl rules-infra -am install >/dev/null

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores"
echo "java: $(java -version 2>&1 | head -1)"
echo "commit: $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- . ':!docs' || echo ' (with local changes)')"
echo "corpus: $corpus ($( [ -d "$corpus" ] && find "$corpus" -type f | wc -l || echo absent) files)"

echo "== fuzz: at most $inputs inputs, at most $duration"
start=$(date +%s)
status=0
mvn -B -Dstyle.color=never "$@" -pl rules-infra test-compile surefire:test@fuzz-pipeline \
  -Djazzer.max_executions="$inputs" -Djazzer.max_duration="$duration" -Dresilint.corpus="$corpus" \
  >"$log" 2>&1 || status=$?
end=$(date +%s)

runs=$(grep -Eo '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
echo "libFuzzer: ${runs:-no summary line} ($last)"
echo "wall: $((end - start)) s, including the build of the test classes and the seed warm-up"
grep -E '^\[(INFO|ERROR|WARNING)\] Tests run:' "$log" | tail -1 || true
if [ "$status" -ne 0 ]; then
  echo "result: FINDING or failure (exit $status); see $log and rules-infra/target/jazzer-pipeline/" >&2
  grep -E 'FuzzTestFindingException|Caused by|Exception:' "$log" | head -5 >&2 || true
  exit 1
fi
echo "result: no crash, internal error or hang"
