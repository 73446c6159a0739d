#!/bin/sh
# Rewrites expected.yaml in every SAM snapshot case folder here (and writes it for new cases) from
# what the transform gives now, by running SamTransformTest with -Dresilint.updateSnapshots=true.
# Review the diff (git diff -- rules-infra/src/test/resources/sam) before committing it: every
# expected file must be what SAM itself would produce, less what the transform leaves out.
# Arguments go to Maven, for example: update.sh -o -Dmaven.repo.local=/path/to/repository
set -eu
root="$(cd "$(dirname "$0")/../../../../.." && pwd)"
cd "$root"
exec mvn -B -q test -pl rules-infra -am -Dtest=SamTransformTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dresilint.skipFuzz=true -Dresilint.updateSnapshots=true "$@"
