#!/usr/bin/env bash
# `npm test`: typecheck, provision Chromium + PostgreSQL, run every Vitest project.
# Works on a bare Debian 12 CI box as root (installs chromium/postgresql via apt).
set -euo pipefail

cd "$(dirname "$0")/.."

step() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
start=$SECONDS

step "[1/4] Typecheck: npx tsc --noEmit"
npx tsc --noEmit
echo "typecheck OK"

step "[2/4] Chromium for the browser tests (scripts/ensure-chromium.sh)"
bash scripts/ensure-chromium.sh
export CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
echo "CHROMIUM_PATH=$CHROMIUM_PATH"

step "[3/4] PostgreSQL for the server tests (scripts/ensure-postgres.sh)"
pg_out=$(bash scripts/ensure-postgres.sh)
TEST_DATABASE_URL=$(printf '%s\n' "$pg_out" | tail -n 1)
if [[ -z "$TEST_DATABASE_URL" ]]; then
  echo "ensure-postgres.sh printed no URL" >&2
  exit 1
fi
export TEST_DATABASE_URL
echo "TEST_DATABASE_URL=$TEST_DATABASE_URL"

step "[4/4] Tests: npx vitest run (projects: node, browser) $*"
# Never let playwright fetch browsers; we use the system Chromium.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npx vitest run "$@"

step "All tests passed in $((SECONDS - start))s"
