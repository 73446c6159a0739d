#!/bin/sh
# Rewrites the snapshot files of rules-infra (examples/<twin>/<name>.json, corpus-summary.json) from
# what the analyzer reports now: runs the snapshot tests with -Dresilint.updateSnapshots=true through
# the reactor from the repository root. Review the changes with `git diff` before committing them.
#
#   rules-infra/src/test/resources/snapshots/update.sh [maven options]
#
# Extra arguments go to Maven, e.g. `-o -Dmaven.repo.local=...` to build offline with a given local
# repository. The corpus summary is only rewritten when ../shared/corpus (beside the repository) exists.
set -eu
root=$(cd "$(dirname "$0")/../../../../.." && pwd)
cd "$root"
exec mvn -B "$@" test -pl rules-infra -am \
  -Dtest='ExamplesSnapshotTest,CorpusSummarySnapshotTest' \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dresilint.skipFuzz=true \
  -Dresilint.updateSnapshots=true
