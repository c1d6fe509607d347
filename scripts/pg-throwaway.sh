#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on a private port and data directory
# (Debian's postgresql package) and prints its URL; `stop` removes it again.
# Used by .ci/run and `npm run test:pg`; never touches a server already there.
#   scripts/pg-throwaway.sh start [PORT]   -> postgres://postgres@127.0.0.1:PORT/keepwarm_test
#   scripts/pg-throwaway.sh stop  [PORT]
#   scripts/pg-throwaway.sh halt  [PORT]   stops the server but keeps its data (an outage)
#   scripts/pg-throwaway.sh resume [PORT]  starts it again on the same data
set -euo pipefail
cmd=${1:-start}
PORT=${2:-55432}
DIR=${KEEPWARM_PG_DIR:-/tmp/keepwarm-pg-$PORT}
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "PostgreSQL server binaries not found: apt-get install postgresql" >&2; exit 1; }

# initdb refuses to run as root: use the package's postgres user then.
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# A throwaway server for tests: no fsync, room for several test workers and
# instances. KEEPWARM_PG_DURABLE=1 keeps PostgreSQL's durable defaults (benchmarks).
server_options() {
  opts="-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c max_connections=300"
  if [ "${KEEPWARM_PG_DURABLE:-}" != 1 ]; then opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"; fi
  echo "$opts"
}

case "$cmd" in
  start)
    if [ -f "$DIR/data/postmaster.pid" ]; then as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true; fi
    rm -rf "$DIR"
    mkdir -p "$DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$DIR"
    as_pg "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 >/dev/null
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "$(server_options)" start >/dev/null
    as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres keepwarm_test
    echo "postgres://postgres@127.0.0.1:$PORT/keepwarm_test"
    ;;
  stop)
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true
    rm -rf "$DIR"
    ;;
  halt)
    # As a restart or failover does: every connection is ended (57P01), new ones are refused.
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null
    ;;
  resume)
    as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "$(server_options)" start >/dev/null
    ;;
  *)
    echo "usage: $0 start|stop|halt|resume [PORT]" >&2
    exit 2
    ;;
esac
