#!/usr/bin/env bash
# Runs the city benchmark (docs/benchmarks.md): ./benchmarks/run.sh [small|medium|city] [--seed N] [--keep-schema] [--first-year]
#   or a province of tenants on two nodes: ./benchmarks/run.sh province [--cities 4] [--city-scale medium] [--window N] [--seed N]
# Provisions PostgreSQL as run.sh does; the table goes to standard output, progress to standard error.
set -euo pipefail
cd "$(dirname "$0")/.."

ConnectionStrings__Hotline="$(tools/provision-postgres.sh)"
# As `./run.sh projections` does: the daemon's rebuild (the baseline) empties the case counters with one DELETE, minutes
# at `city` scale, past the 30 s default; an hour a statement.
export ConnectionStrings__Hotline="${ConnectionStrings__Hotline%;};Command Timeout=3600"

dotnet build benchmarks/Hotline.Ledger.Benchmarks -c Release -v quiet -nologo >&2
exec dotnet benchmarks/Hotline.Ledger.Benchmarks/bin/Release/net10.0/Hotline.Ledger.Benchmarks.dll "${@:-small}"
