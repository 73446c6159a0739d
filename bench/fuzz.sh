#!/usr/bin/env bash
# Fuzzes everything past the template loader (SAM transform, Metadata suppressions, the graph, the
# evaluator on every property path, every infrastructure rule) for a million inputs, and prints the
# numbers that docs/BENCHMARKS.md records ("Fuzzing past the loader").
#
#   bench/fuzz.sh                                   # 1,000,000 inputs: half guided, half random
#   GUIDED=200000 SWEEP=800000 bench/fuzz.sh        # choose the split
#   DURATION=20m SWEEP_SECONDS=1800 bench/fuzz.sh   # or stop each phase after a time
#   bench/fuzz.sh -o -Dmaven.repo.local=DIR         # further arguments go to every mvn call
#
# Two phases, on the same targets (rules-infra, package dev.resilint.infra.cfn.fuzz): templates built
# from a small grammar of resources, intrinsics and conditions (TemplateGrammar) and mutations of
# the seed templates (TemplateMutator: the test resources, the examples and the corpus in
# ../shared/corpus, override with RESILINT_CORPUS).
#   1. guided: PipelineFuzzTest under Jazzer (coverage feedback, small inputs), surefire execution
#      fuzz-pipeline; a finding is written to rules-infra/target/jazzer-pipeline/.
#   2. random: PipelineSweepTest, inputs drawn from seeds 0, 1, 2, ... without coverage feedback,
#      larger inputs; a failing input names its seed and prints its template.
# A crash, an internal error, an input slower than 5 s or a hang (30 s) fails the run. Nothing here
# touches the network beyond the Maven registry for the build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root="$(pwd)"
corpus="${RESILINT_CORPUS:-$root/../shared/corpus}"
inputs="${INPUTS:-1000000}"
guided="${GUIDED:-$((inputs / 2))}"
sweep="${SWEEP:-$((inputs - guided))}"
duration="${DURATION:-8h}"
sweep_seconds="${SWEEP_SECONDS:-28800}"
out="$root/bench/target"
mkdir -p "$out"

echo "== build"
mvn -B -q -Dstyle.color=never "$@" -DskipTests -Dinvoker.skip=true -pl rules-infra -am install >/dev/null

echo "== machine"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java: $(java -version 2>&1 | head -1)"
echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
echo "corpus: $corpus ($( [ -d "$corpus" ] && find "$corpus" -type f | wc -l || echo absent) files)"

status=0
echo "== 1. guided (Jazzer): at most $guided inputs, at most $duration"
start=$(date +%s)
mvn -B -Dstyle.color=never "$@" -pl rules-infra test-compile surefire:test@fuzz-pipeline \
  -Djazzer.max_executions="$guided" -Djazzer.max_duration="$duration" -Dresilint.corpus="$corpus" \
  >"$out/fuzz-guided.log" 2>&1 || status=$?
end=$(date +%s)
runs=$(grep -Eo '^Done [0-9]+ runs in [0-9]+ second' "$out/fuzz-guided.log" | tail -1 || true)
echo "libFuzzer: ${runs:-no summary line} ($(grep -E '^#[0-9]+' "$out/fuzz-guided.log" | tail -1 || true))"
echo "wall: $((end - start)) s with the build of the test classes and the seed warm-up"
grep -E '^\[(INFO|ERROR|WARNING)\] Tests run:' "$out/fuzz-guided.log" | tail -1 || true

if [ "$status" -eq 0 ]; then
  echo "== 2. random: at most $sweep inputs, at most $sweep_seconds s"
  start=$(date +%s)
  mvn -B -Dstyle.color=never "$@" -pl rules-infra surefire:test -Dtest=PipelineSweepTest \
    -Dresilint.fuzz.sweep="$sweep" -Dresilint.fuzz.seconds="$sweep_seconds" -Dresilint.corpus="$corpus" \
    >"$out/fuzz-random.log" 2>&1 || status=$?
  end=$(date +%s)
  grep -E '^sweep: .* in ' "$out/fuzz-random.log" | tail -1 || echo "sweep: no summary line"
  echo "wall: $((end - start)) s"
  grep -E '^\[(INFO|ERROR|WARNING)\] Tests run:' "$out/fuzz-random.log" | tail -1 || true
fi

if [ "$status" -ne 0 ]; then
  echo "result: FINDING or failure (exit $status); see $out/fuzz-*.log and rules-infra/target/jazzer-pipeline/" >&2
  grep -hE 'FuzzTestFindingException|Caused by|AssertionError: input' "$out"/fuzz-*.log | head -5 >&2 || true
  exit 1
fi
echo "result: no crash, internal error, slow input or hang"
