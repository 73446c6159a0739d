#!/usr/bin/env bash
# Start-up and whole-corpus times of this checkout against another one (an older commit), measured
# interleaved on the same machine at the same time, so that machine drift cancels out.
#
#   git worktree add /tmp/before <commit> && bench/compare.sh /tmp/before
#   N=20 bench/compare.sh /tmp/before      # more runs of each (default 10)
#   THIS_ARGS="--config same-rules.yaml" bench/compare.sh /tmp/before   # extra arguments for this
#                                          # checkout's check runs (the same rules as the other one)
#
# Builds both CLIs (their ./resilint launchers do), then runs each command N times in turn and
# prints the median wall and CPU seconds with the [min-max] wall range. Needs GNU time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here="$(pwd)"
other="$(cd "${1:?usage: bench/compare.sh OTHER_CHECKOUT}" && pwd)"
corpus="${RESILINT_CORPUS:-$here/../shared/corpus}"
n="${N:-10}"
out="$here/bench/target"
mkdir -p "$out"
samples="$out/compare.samples"
: >"$samples"

for d in "$other" "$here"; do
  "$d/resilint" --version >/dev/null   # builds the jar and its class-data sharing archive
done

one() { # checkout label command...
  local who="$1" label="$2"
  shift 2
  /usr/bin/time -f "%e %U %S" -o "$out/compare.one" "$@" >/dev/null 2>&1 || true
  echo "$label $who $(tail -1 "$out/compare.one")" >>"$samples"
}

for _ in $(seq "$n"); do
  for d in "$other" "$here"; do
    who="$([ "$d" = "$here" ] && echo this || echo other)"
    template="$d/examples/flawed/network-and-web.yaml"
    extra=()
    # shellcheck disable=SC2206
    [ "$d" = "$here" ] && [ -n "${THIS_ARGS:-}" ] && extra=($THIS_ARGS)
    one "$who" "one-template-launcher" "$d/resilint" check "$template" --fail-on none ${extra[@]+"${extra[@]}"}
    one "$who" "one-template-java-jar" java -jar "$d/cli/target/resilint.jar" check "$template" --fail-on none \
      ${extra[@]+"${extra[@]}"}
    one "$who" "corpus-launcher" "$d/resilint" check "$corpus" --format json --output-file /dev/null --fail-on none \
      ${extra[@]+"${extra[@]}"}
    one "$who" "corpus-java-jar" java -jar "$d/cli/target/resilint.jar" check "$corpus" --format json \
      --output-file /dev/null --fail-on none ${extra[@]+"${extra[@]}"}
  done
done

echo "this: $here ($(git -C "$here" rev-parse --short HEAD)), other: $other ($(git -C "$other" rev-parse --short HEAD))"
sort "$samples" | awk '
  { key = $1 " " $2; n[key]++; wall[key, n[key]] = $3; cpu[key, n[key]] = $4 + $5 }
  function median(a, k, m,   i, j, t, b) {
    for (i = 1; i <= m; i++) b[i] = a[k, i]
    for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (b[j] < b[i]) { t = b[i]; b[i] = b[j]; b[j] = t }
    return (m % 2) ? b[(m + 1) / 2] : (b[m / 2] + b[m / 2 + 1]) / 2
  }
  function lo(a, k, m,   i, r) { r = a[k, 1]; for (i = 2; i <= m; i++) if (a[k, i] < r) r = a[k, i]; return r }
  function hi(a, k, m,   i, r) { r = a[k, 1]; for (i = 2; i <= m; i++) if (a[k, i] > r) r = a[k, i]; return r }
  END {
    for (key in n) printf "%-28s wall %.2f s [%.2f-%.2f]  cpu %.2f s  (n=%d)\n", key, median(wall, key, n[key]),
      lo(wall, key, n[key]), hi(wall, key, n[key]), median(cpu, key, n[key]), n[key]
  }' | sort
