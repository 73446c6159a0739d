#!/usr/bin/env bash
# The logic of the resilint GitHub Action (action.yml at the repository root), in one tested script.
#
#   resilint.sh cache-key   writes key=<hash of the action's sources> to $GITHUB_OUTPUT
#   resilint.sh build       builds cli/target/resilint.jar with the launcher's build command, unless cached
#   resilint.sh run         runs `resilint check` with the INPUT_* settings, writes the reports, the job
#                           summary and (INPUT_COMMENT=true, on a pull request) one PR comment, then
#                           exits with resilint's exit code
#
# Inputs come as environment variables, as action.yml passes them: INPUT_PATHS (separated by spaces or
# new lines), INPUT_CONFIG, INPUT_FAIL_ON, INPUT_BASELINE, INPUT_NEW_SINCE, INPUT_FORMATS (comma
# separated), INPUT_SARIF_FILE, INPUT_COMMENT. GitHub's own: GITHUB_OUTPUT, GITHUB_STEP_SUMMARY,
# GITHUB_EVENT_NAME, GITHUB_REF, GITHUB_REPOSITORY, RUNNER_TEMP. The comment is posted with `gh api`
# (GH_TOKEN). RESILINT_CMD replaces `java -jar <action>/cli/target/resilint.jar` (the tests use it).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$here/cli/target/resilint.jar"
marker='<!-- resilint-report -->'
comment_limit=60000 # GitHub refuses comments over 65,536 characters

fail() {
  echo "::error title=resilint::$*" >&2
  exit 2
}

output() { # name value: a step output
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"
  fi
}

cache_key() {
  local key
  key="$(cd "$here" && find . \( -name .git -o -name target \) -prune -o \( -name pom.xml -o -path '*/src/main/*' \) \
    -type f -print | LC_ALL=C sort | xargs sha256sum | sha256sum | cut -c1-32)"
  output key "$key"
  echo "$key"
}

build() {
  if [ -f "$jar" ]; then
    echo "resilint: using the cached $jar"
    return
  fi
  command -v mvn >/dev/null 2>&1 || fail "Maven (mvn) is needed to build resilint"
  echo "resilint: building $jar"
  (cd "$here" && mvn -B -q -Dstyle.color=never -DskipTests -Dinvoker.skip=true -pl cli -am package)
}

# extension FORMAT: where the report of a format goes
report_file() {
  case "$1" in
    sarif) echo "${INPUT_SARIF_FILE:-resilint.sarif}" ;;
    markdown) echo resilint.md ;;
    json) echo resilint.json ;;
    junit) echo resilint.xml ;;
    gitlab) echo gl-code-quality-report.json ;;
    text) echo resilint.txt ;;
    *) fail "unknown format '$1' in the formats input; expected sarif, markdown, json, junit, gitlab or text" ;;
  esac
}

# pull_request_number: the PR of this run, from GITHUB_REF (refs/pull/N/merge), or nothing
pull_request_number() {
  case "${GITHUB_EVENT_NAME:-}" in
    pull_request | pull_request_target) ;;
    *) return 0 ;;
  esac
  local ref="${GITHUB_REF:-}"
  if [[ "$ref" =~ ^refs/pull/([0-9]+)/ ]]; then
    echo "${BASH_REMATCH[1]}"
  fi
}

# comment_body MARKDOWN_FILE: the marker, then the report, cut at a line boundary below the limit
comment_body() {
  local file="$1" size
  size="$(LC_ALL=C wc -c <"$file")"
  echo "$marker"
  if [ "$size" -le "$comment_limit" ]; then
    cat "$file"
  else
    LC_ALL=C awk -v limit="$((comment_limit - 400))" '{ n += length($0) + 1; if (n > limit) exit; print }' "$file"
    echo
    echo "_The report is too long for a comment ($size bytes): the rest is in the job summary and the SARIF results._"
  fi
}

# comment MARKDOWN_FILE: creates the PR comment, or updates the one carrying the marker
comment() {
  local file="$1" pr body existing
  pr="$(pull_request_number)"
  if [ -z "$pr" ]; then
    echo "resilint: not a pull request, no comment posted"
    return 0
  fi
  command -v gh >/dev/null 2>&1 || { echo "::warning title=resilint::gh is not installed: no PR comment"; return 0; }
  body="${RUNNER_TEMP:-/tmp}/resilint-comment.md"
  comment_body "$file" >"$body"
  if ! existing="$(gh api --paginate "repos/$GITHUB_REPOSITORY/issues/$pr/comments" \
      --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)"; then
    echo "::warning title=resilint::could not list the comments of pull request #$pr (a fork's token is read-only)"
    return 0
  fi
  if [ -n "$existing" ]; then
    gh api -X PATCH "repos/$GITHUB_REPOSITORY/issues/comments/$existing" -F "body=@$body" >/dev/null \
      || echo "::warning title=resilint::could not update comment $existing on pull request #$pr"
    echo "resilint: updated the report comment on pull request #$pr"
  else
    gh api -X POST "repos/$GITHUB_REPOSITORY/issues/$pr/comments" -F "body=@$body" >/dev/null \
      || echo "::warning title=resilint::could not comment on pull request #$pr"
    echo "resilint: commented on pull request #$pr"
  fi
}

run() {
  local -a cmd args paths formats
  if [ -n "${RESILINT_CMD:-}" ]; then
    read -r -a cmd <<<"$RESILINT_CMD"
  else
    [ -f "$jar" ] || fail "$jar is missing: run '$0 build' first"
    cmd=(java -jar "$jar")
  fi
  read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
  [ "${#paths[@]}" -gt 0 ] || fail "the paths input is empty"
  args=(check)
  [ -n "${INPUT_CONFIG:-}" ] && args+=(--config "$INPUT_CONFIG")
  [ -n "${INPUT_FAIL_ON:-}" ] && args+=(--fail-on "$INPUT_FAIL_ON")
  [ -n "${INPUT_BASELINE:-}" ] && args+=(--baseline "$INPUT_BASELINE")
  [ -n "${INPUT_NEW_SINCE:-}" ] && args+=(--new-since "$INPUT_NEW_SINCE")
  IFS=', ' read -r -a formats <<<"${INPUT_FORMATS:-sarif,markdown}"
  local markdown="" sarif="" f file
  for f in "${formats[@]}"; do
    [ -n "$f" ] || continue
    file="$(report_file "$f")"
    args+=(--format "$f" --output-file "$file")
    [ "$f" = markdown ] && markdown="$file"
    [ "$f" = sarif ] && sarif="$file"
  done
  # where the full report is, for the Markdown report's last line when it must leave findings out
  if [ -n "$sarif" ]; then
    args+=(--markdown-full-report-hint "the SARIF report \`$sarif\` of this workflow run (code scanning alerts, once uploaded)")
  fi
  args+=(--format text) # the job log
  local code=0
  "${cmd[@]}" "${args[@]}" -- "${paths[@]}" || code=$?
  output exit-code "$code"
  [ -n "$sarif" ] && [ -f "$sarif" ] && output sarif-file "$sarif"
  if [ -n "$markdown" ] && [ -f "$markdown" ]; then
    output markdown-file "$markdown"
    if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
      cat "$markdown" >>"$GITHUB_STEP_SUMMARY"
    fi
    if [ "${INPUT_COMMENT:-false}" = true ]; then
      comment "$markdown"
    fi
  elif [ "${INPUT_COMMENT:-false}" = true ]; then
    echo "::warning title=resilint::comment is true but markdown is not among the formats: no comment"
  fi
  case "$code" in
    0) ;;
    1) echo "::error title=resilint::findings at or above ${INPUT_FAIL_ON:-the configured level}" ;;
    4) echo "::warning title=resilint::some rules could not judge part of their input (not evaluated)" ;;
    *) echo "::error title=resilint::resilint exited with $code (2: bad input or options, 3: internal error)" ;;
  esac
  return "$code"
}

case "${1:-}" in
  cache-key) cache_key ;;
  build) build ;;
  run) run ;;
  comment-body) comment_body "$2" ;; # for the tests
  *) echo "usage: $0 cache-key|build|run" >&2; exit 2 ;;
esac
