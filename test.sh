#!/usr/bin/env bash
# Runs every test of the solution against a real PostgreSQL (provisioned as for run.sh).
# Each test run works in a schema of its own and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

ConnectionStrings__Hotline="$(tools/provision-postgres.sh)"
export ConnectionStrings__Hotline

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
