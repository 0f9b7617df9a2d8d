#!/usr/bin/env bash
# A local PostgreSQL server for tests, CI and `npm run db:migration`, from the machine's
# own packages: started once, reused after (idempotent). Prints its URL on stdout.
#   bash scripts/postgres.sh          start (or find running) and print the URL
#   bash scripts/postgres.sh stop     stop it
# POSTGRES_PORT (default 55432) and POSTGRES_DIR (default /tmp/vcs-connect-postgres-$PORT)
# choose the server. Loopback only, trust authentication: never for production data.
set -euo pipefail

PORT="${POSTGRES_PORT:-55432}"
DIR="${POSTGRES_DIR:-/tmp/vcs-connect-postgres-$PORT}"
BIN="${POSTGRES_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
URL="postgres://postgres@127.0.0.1:$PORT/postgres"

if [ -z "$BIN" ] || [ ! -x "$BIN/pg_ctl" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL with apt…" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2 || {
      apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
    }
    BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  else
    echo "PostgreSQL is not installed. Install it with: sudo apt-get install -y postgresql" >&2
    exit 1
  fi
fi

# The server refuses to run as root: run it as the postgres user then.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

if [ "${1:-start}" = stop ]; then
  [ -d "$DIR/data" ] && as_owner "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >&2 || true
  exit 0
fi

if as_owner "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  echo "$URL"
  exit 0
fi

mkdir -p "$DIR"
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
if [ ! -f "$DIR/data/PG_VERSION" ]; then
  as_owner "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --no-instructions >/dev/null
fi
as_owner "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
  -o "-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off" start >&2 || {
  echo "PostgreSQL did not start; its log:" >&2
  tail -20 "$DIR/server.log" >&2
  exit 1
}
echo "$URL"
