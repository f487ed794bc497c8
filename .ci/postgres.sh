#!/usr/bin/env bash
# Start a throwaway PostgreSQL server on loopback for the store tests; print its URL.
# Installs Debian's postgresql package where it is missing. Prints nothing on failure,
# so the PostgreSQL tests skip with their own reason.
set -euo pipefail
if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } >&2 || exit 0
fi
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
data=$(mktemp -d /tmp/tidings-postgres.XXXXXX)
port=$(python3 -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
run() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$data"
run "$bin/initdb -D $data -A trust -U postgres" >/dev/null 2>&1 || exit 0
run "$bin/pg_ctl -D $data -l $data/server.log -w -o '-k $data -p $port -c listen_addresses=127.0.0.1' start" >/dev/null 2>&1 || exit 0
echo "postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
