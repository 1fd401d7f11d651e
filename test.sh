#!/usr/bin/env bash
# Runs every test of the solution against a real PostgreSQL (provisioned as for run.sh).
# Each test run works in a schema of its own and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

ConnectionStrings__Hotline="$(tools/provision-postgres.sh)"
export ConnectionStrings__Hotline

# The browser tests drive Debian's Chromium (Playwright's own download is not used) and need CJK fonts.
if [[ ! -x /usr/bin/chromium ]] || ! fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; then
  echo "test.sh: installing chromium and fonts-noto-cjk for the browser tests" >&2
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq chromium fonts-noto-cjk; } >/dev/null 2>&1 \
    || { echo "test.sh: could not install chromium and fonts-noto-cjk" >&2; exit 1; }
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Hotline.Ledger.sln -c Release --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

# One closing line a reader (or CI) can trust: the runner's own counts, summed over test projects.
passed=$( (grep -E '^\s+Passed:\s+[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -E '^\s+Failed:\s+[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
skipped=$( (grep -E '^\s+Skipped:\s+[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
