#!/usr/bin/env bash
# cdk-nag over a corpus of CloudFormation templates, through CfnInclude (outside the Maven build).
# Usage: bench/cdk-nag/run.sh [CORPUS]   (default: ../shared/corpus relative to the repository root)
# Writes bench/cdk-nag/out/cdk-nag.jsonl, skipped.jsonl, included.jsonl and summary.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${1:-$root/../shared/corpus}"
corpus="$(cd "$corpus" && pwd)"
cd "$here"
# npm ci when node_modules is missing or does not match the lock file
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
node run.js "$corpus" "$here/out"
echo "summary: $here/out/summary.md"
