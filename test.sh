#!/usr/bin/env bash
# Runs the tests of the solution against a real PostgreSQL (provisioned as for run.sh).
# Each test host works in a schema of its own and drops it afterwards.
#
#   ./test.sh                             every test but the smoke runs, the failover and the restart tests (CI=true adds them)
#   ./test.sh --all                       every test, the smoke run and failover tests included, and the replay oracle's 200 histories
#   ./test.sh --filter Category=Domain    the host-free tests only: seconds once built
#   ./test.sh --filter FullyQualifiedName~EntryTests   any other dotnet test filter
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

args=()
all=false
for a in "$@"; do
  if [[ "$a" == "--all" ]]; then all=true; else args+=("$a"); fi
done
[[ "${CI:-}" == "true" ]] && all=true
# The smoke runs (the benchmark, the judge beside the entries), the several-node failover tests and the host restarts
# take minutes: CI runs them, a developer's default run does not.
if [[ "$all" == false && " ${args[*]-} " != *" --filter "* ]]; then args+=(--filter "Category!=Smoke&Category!=Nodes&Category!=Restarts"); fi
# The replay oracle plays 30 random histories in a developer's run and 200 in CI's (or --all); the what-if
# property 10 and 30. The malformed-request corpus and the cities' route matrix are walked whole in CI's run and
# sampled in a developer's, every route still called (HOTLINE_TEST_SEED=N draws a run's sample again).
if [[ "$all" == true ]]; then
  export HOTLINE_ORACLE_HISTORIES="${HOTLINE_ORACLE_HISTORIES:-200}"
  export HOTLINE_WHATIF_HISTORIES="${HOTLINE_WHATIF_HISTORIES:-30}"
  export HOTLINE_TEST_BREADTH="${HOTLINE_TEST_BREADTH:-full}"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
log="$work/test.log"
status=0
dotnet build Hotline.Ledger.sln -c Release -v q -nologo 2>&1 | tee "$log" || status=$?
if [[ "$status" -ne 0 ]]; then echo "tests: 0 passed, 0 failed, 0 skipped (the build failed)"; exit "$status"; fi
# One test project after the other: each keeps both cores busy, and `dotnet test` on the solution sometimes ran the two
# side by side, which made the whole run a minute longer (measured) and a browser test's waits run out.
for project in tests/*/*.csproj; do
  dotnet test "$project" -c Release --no-build --logger "console;verbosity=normal" \
    --logger "trx;LogFilePrefix=$(basename "$project" .csproj)" --results-directory "$work/results" "${args[@]}" 2>&1 | tee -a "$log" || status=$?
done

# The ten slowest tests, from the runner's own records, so that a slow test is seen before it slows everyone.
if compgen -G "$work/results/*.trx" >/dev/null; then
  echo "slowest tests:"
  grep -ho 'testName="[^"]*"[^>]*duration="[^"]*"' "$work/results"/*.trx \
    | sed -E 's/testName="([^"]*)".*duration="([^"]*)"/\2  \1/' | sort -r | awk 'NR <= 10 { print "  " $0 }'
fi

# The failed tests by name at the very end, where a reader of only the log's tail (CI's) still sees them.
if compgen -G "$work/results/*.trx" >/dev/null && grep -q 'outcome="Failed"' "$work/results"/*.trx; then
  echo "failed tests:"
  grep -ho '<UnitTestResult [^>]*outcome="Failed"[^>]*>' "$work/results"/*.trx \
    | sed -E 's/.*testName="([^"]*)".*/  \1/'
fi

# One closing line a reader (or CI) can trust: the runner's own counts, summed over test projects.
passed=$( (grep -E '^\s+Passed:\s+[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
failed=$( (grep -E '^\s+Failed:\s+[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
skipped=$( (grep -E '^\s+Skipped:\s+[0-9]+' "$log" || true) | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
