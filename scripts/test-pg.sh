#!/usr/bin/env bash
# The whole suite against a real PostgreSQL: a throwaway server on a private
# port (or the one TEST_DATABASE_URL names), then `vitest run` with it.
set -euo pipefail
cd "$(dirname "$0")/.."
node scripts/ensure-deps.mjs
if [ -z "${TEST_DATABASE_URL:-}" ]; then
  PORT=${KEEPWARM_PG_PORT:-55432}
  export TEST_DATABASE_URL=$(scripts/pg-throwaway.sh start "$PORT")
  trap 'scripts/pg-throwaway.sh stop "$PORT"' EXIT
fi
echo "tests on $TEST_DATABASE_URL"
npx vitest run "$@"
