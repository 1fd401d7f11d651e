#!/usr/bin/env bash
# Makes sure a PostgreSQL is there for the ledger and prints the connection string on stdout.
# Idempotent: a running cluster is reused, the role and database are created only when missing.
# With ConnectionStrings__Hotline already set, it touches nothing and prints that string.
set -euo pipefail

# Only the connection string may reach stdout: callers capture it with $(...). Everything else
# (pg_ctlcluster's "Removed stale pid file.", apt, psql) goes to stderr; the string goes to fd 3.
exec 3>&1 1>&2

say() { echo "provision-postgres: $*" >&2; }

if [[ -n "${ConnectionStrings__Hotline:-}" ]]; then
  printf '%s\n' "$ConnectionStrings__Hotline" >&3
  exit 0
fi

DB_NAME="${HOTLINE_DB_NAME:-hotline}"
DB_USER="${HOTLINE_DB_USER:-hotline}"
DB_PASSWORD="${HOTLINE_DB_PASSWORD:-hotline}"
DB_PORT="${HOTLINE_DB_PORT:-5432}"

fail() {
  cat >&2 <<MSG
provision-postgres: $*
  Either install PostgreSQL (as root: apt-get install -y postgresql) and run this again,
  or point the ledger at a server you have:
    export ConnectionStrings__Hotline='Host=HOST;Port=5432;Database=hotline;Username=USER;Password=PASSWORD'
MSG
  exit 1
}

# fd 3 is closed for children: a postgres daemon started here must not hold the caller's $(...) pipe open.
as_root() { if [[ $(id -u) -eq 0 ]]; then "$@" 3>&-; elif command -v sudo >/dev/null; then sudo "$@" 3>&-; else return 1; fi; }

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [[ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]]; then
  say "PostgreSQL is not installed; installing it with apt-get"
  as_root bash -c 'export DEBIAN_FRONTEND=noninteractive; apt-get update -qq && apt-get install -y -qq postgresql >/dev/null' \
    || fail "PostgreSQL is missing and could not be installed with apt-get."
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1, $2}' | grep -q "^$version main$"; then
  say "creating cluster $version/main"
  as_root pg_createcluster "$version" main >/dev/null || fail "could not create a PostgreSQL $version cluster."
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1==v && $2=="main" {print $4}' | grep -q online; then
  say "starting PostgreSQL $version/main"
  as_root pg_ctlcluster "$version" main start || fail "could not start PostgreSQL $version/main (see /var/log/postgresql/)."
fi

psql_admin() { as_root runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qtAX -p "$DB_PORT" "$@"; }

for _ in $(seq 1 30); do psql_admin -c 'select 1' >/dev/null 2>&1 && break; sleep 1; done
psql_admin -c 'select 1' >/dev/null 2>&1 || fail "PostgreSQL $version/main does not answer on port $DB_PORT."

# Every city is a database of its own with a pool of its own in each host, and several nodes may share the server:
# PostgreSQL's default of 100 connections ran out during a full test run. Raised once per server (it takes a restart).
want_connections="${HOTLINE_DB_MAX_CONNECTIONS:-300}"
if (( $(psql_admin -c 'show max_connections') < want_connections )); then
  say "raising max_connections to $want_connections (restarts PostgreSQL $version/main once)"
  psql_admin -c "alter system set max_connections = $want_connections" >/dev/null
  as_root pg_ctlcluster "$version" main restart || fail "could not restart PostgreSQL $version/main (see /var/log/postgresql/)."
  for _ in $(seq 1 30); do psql_admin -c 'select 1' >/dev/null 2>&1 && break; sleep 1; done
  psql_admin -c 'select 1' >/dev/null 2>&1 || fail "PostgreSQL $version/main does not answer on port $DB_PORT after its restart."
fi

if [[ "$(psql_admin -c "select 1 from pg_roles where rolname = '$DB_USER'")" != "1" ]]; then
  say "creating role $DB_USER"
  psql_admin -c "create role \"$DB_USER\" login password '$DB_PASSWORD'"
fi
# Adding a city (`tenants add`) creates its database beside this one.
if [[ "$(psql_admin -c "select rolcreatedb from pg_roles where rolname = '$DB_USER'")" != "t" ]]; then
  say "letting role $DB_USER create databases (one per city)"
  psql_admin -c "alter role \"$DB_USER\" createdb"
fi
if [[ "$(psql_admin -c "select 1 from pg_database where datname = '$DB_NAME'")" != "1" ]]; then
  say "creating database $DB_NAME"
  psql_admin -c "create database \"$DB_NAME\" owner \"$DB_USER\""
fi

printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s\n' "$DB_PORT" "$DB_NAME" "$DB_USER" "$DB_PASSWORD" >&3
