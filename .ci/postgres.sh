#!/usr/bin/env bash
# Start a throwaway PostgreSQL server for the tests and print its URL on stdout.
#
#   export KLANTREGISTER_TEST_POSTGRES="$(bash .ci/postgres.sh)"
#
# Uses the newest server binaries under /usr/lib/postgresql (Debian's layout) or
# on PATH. The cluster lives in a new temporary directory and listens only on a
# Unix socket there, so it disturbs no other server. As root it runs as the
# 'postgres' user, as the server refuses to run as root. Stop it with
#   pg_ctl -D "$dir/data" stop   (its directory is printed on stderr).
set -euo pipefail

bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bin" ]; then
  bin="$(dirname "$(command -v initdb || command -v pg_ctl || echo /nonexistent/x)")"
fi
if [ ! -x "$bin/initdb" ]; then
  echo "no PostgreSQL server binaries found (looked in /usr/lib/postgresql/*/bin and PATH)" >&2
  exit 1
fi

dir="$(mktemp -d /tmp/klantregister-pg.XXXXXX)"
port=54329
als() { "$@"; }
if [ "$(id -u)" = 0 ]; then
  chown postgres "$dir"
  als() { runuser -u postgres -- "$@"; }
fi

als "$bin/initdb" -D "$dir/data" -U postgres -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
als "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses='' -k $dir -p $port -c max_connections=50" start >&2 \
  || { cat "$dir/server.log" >&2; exit 1; }
als "$bin/createdb" -h "$dir" -p "$port" -U postgres klantregister_test
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') in $dir" >&2
echo "postgresql://postgres@/klantregister_test?host=$dir&port=$port"
