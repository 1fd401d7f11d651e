#!/usr/bin/env bash
# Runs every test of the solution against a real PostgreSQL (provisioned as for run.sh).
# Each test run works in a schema of its own and drops it afterwards.
set -euo pipefail
cd "$(dirname "$0")"

ConnectionStrings__Hotline="$(tools/provision-postgres.sh)"
export ConnectionStrings__Hotline

dotnet test Hotline.Ledger.sln -c Release --logger "console;verbosity=normal" "$@"
