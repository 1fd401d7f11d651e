#!/usr/bin/env bash
# Runs the Hotline Ledger API. Uses ConnectionStrings__Hotline when set; otherwise provisions a local
# PostgreSQL (tools/provision-postgres.sh). Pass --demo to seed a small demo city. Other arguments go
# to the API (e.g. --urls http://127.0.0.1:5080, or a JasperFx command such as `projections --rebuild`).
set -euo pipefail
cd "$(dirname "$0")"

ConnectionStrings__Hotline="$(tools/provision-postgres.sh)"
export ConnectionStrings__Hotline

args=()
for a in "$@"; do
  if [[ "$a" == "--demo" ]]; then export Hotline__Demo=true; else args+=("$a"); fi
done

# Local runs sign their own tokens (see README, "Tokens"); a real deployment configures its issuer instead.
export Hotline__Auth__DevelopmentKey="${Hotline__Auth__DevelopmentKey:-hotline-local-development-signing-key-0123456789}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# There is no launch profile (`dotnet run` would print its name on the standard output that the token
# command keeps for the token): the address it gave is set here.
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5097}"

exec dotnet run --project src/Hotline.Ledger.Api -c Release -- "${args[@]}"
