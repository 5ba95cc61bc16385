#!/usr/bin/env bash
# Every check CI runs, in order. A failing step fails the run; every step still
# runs so the log shows all problems at once, and the log ends with a summary.
set -uo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export NO_MKDOCS_2_WARNING=1 PYTHONDONTWRITEBYTECODE=1

steps=(
  "strict build|env -u KB_SERVE_LANG $BIN/mkdocs build --strict --clean"
  "unit tests|KB_BUILT_SITE=$PWD/site $BIN/python -m pytest -q -p no:cacheprovider tests --ignore=tests/browser"
  "content check|$BIN/kb content check"
  "legal check|$BIN/kb legal check"
  "translations check|$BIN/kb translations check"
  "links check|$BIN/kb links check site"
  "browser tests|KB_BUILT_SITE=$PWD/site $BIN/python -m pytest -q -p no:cacheprovider tests/browser"
)

passed=0; failed=0; summary=()
for step in "${steps[@]}"; do
  name=${step%%|*}; cmd=${step#*|}
  echo; echo "==> $name: $cmd"
  start=$(date +%s)
  if bash -c "$cmd"; then status=ok; passed=$((passed + 1)); else status=FAILED; failed=$((failed + 1)); fi
  summary+=("$(printf '%-18s %-6s %4ss' "$name" "$status" "$(( $(date +%s) - start ))")")
done

echo; echo "== Summary =="
printf '%s\n' "${summary[@]}"
echo "steps: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
