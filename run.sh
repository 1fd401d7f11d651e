#!/usr/bin/env bash
# Runs the Hotline Ledger API. Uses ConnectionStrings__Hotline when set; otherwise provisions a local
# PostgreSQL (tools/provision-postgres.sh). Pass --demo to seed the demo city, --node-name N to name this
# node when several run on one database (with --urls for each its own port). Other arguments go to the
# API (e.g. --urls http://127.0.0.1:5097, or a JasperFx command such as `projections --rebuild`).
#   ./run.sh token --user 王芳 --role office     prints a bearer token (no database needed)
set -euo pipefail
cd "$(dirname "$0")"

# Local runs sign their own tokens (see README, "Tokens"); a real deployment configures its issuer instead.
export Hotline__Auth__DevelopmentKey="${Hotline__Auth__DevelopmentKey:-hotline-local-development-signing-key-0123456789}"
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
# There is no launch profile: the address is set here.
export ASPNETCORE_URLS="${ASPNETCORE_URLS:-http://localhost:5097}"

api_dll=src/Hotline.Ledger.Api/bin/Release/net10.0/Hotline.Ledger.Api.dll

# The Release build, with its progress shown (a fresh clone restores and compiles for a minute or two);
# an up-to-date build takes seconds. The token command reuses it quietly.
build() {
  if [[ "${1:-}" == quiet ]]; then
    dotnet build src/Hotline.Ledger.Api -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  else
    echo "run.sh: building (Release)…" >&2
    dotnet build src/Hotline.Ledger.Api -c Release -nologo >&2
  fi
}

if [[ "${1:-}" == token ]]; then
  [[ -f "$api_dll" ]] || build quiet
  # Only the token goes to standard output (the command drops JasperFx's discovery lines); a refusal to standard error.
  cd "$(dirname "$api_dll")"
  exec dotnet Hotline.Ledger.Api.dll "$@"
fi

ConnectionStrings__Hotline="$(tools/provision-postgres.sh)"
export ConnectionStrings__Hotline

args=()
while (($#)); do
  case "$1" in
    --demo) export Hotline__Demo=true ;;
    # One node of several on the same database (README, "Several nodes"): its name in logs and pg_stat_activity.
    --node-name) export Hotline__Node__Name="${2:?--node-name needs a name}"; shift ;;
    --node-name=*) export Hotline__Node__Name="${1#--node-name=}" ;;
    *) args+=("$1") ;;
  esac
  shift
done

# Marten's own rebuild (`projections rebuild`, API stopped) empties the case counters with one DELETE: tens of
# millions of rows at a city's size, minutes, far past the 30 s default. An offline command waits up to an hour a
# statement (Marten reads a `Command Timeout` of 0 as none given, and falls back to its 30 s).
if [[ "${args[0]:-}" == projections ]]; then export ConnectionStrings__Hotline="${ConnectionStrings__Hotline%;};Command Timeout=3600"; fi

build
# From the output folder, where appsettings.json is: the content root is the working directory.
cd "$(dirname "$api_dll")"
exec dotnet Hotline.Ledger.Api.dll "${args[@]}"
