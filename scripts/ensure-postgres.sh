#!/usr/bin/env bash
# Makes a real PostgreSQL available for the server tests and prints a
# connection URL (usable as TEST_DATABASE_URL) as the LAST line on stdout.
# All status messages go to stderr. Never skips silently: exits 1 when no
# PostgreSQL can be had.
#
#   1. TEST_DATABASE_URL set  -> verify it connects, print it.
#   2. otherwise              -> use the local Debian cluster (pg_lsclusters),
#      starting it if it is down, installing `postgresql` via apt when root and
#      nothing is installed; create role/database luk_test (idempotent).
set -euo pipefail

cd "$(dirname "$0")/.."

ROLE=luk_test
PASSWORD=luk_test
DATABASE=luk_test
HOST=127.0.0.1

log() { echo "ensure-postgres: $*" >&2; }
die() {
  log "ERROR: $*"
  log "PostgreSQL is required for the server tests: set TEST_DATABASE_URL or install postgresql"
  log "  (e.g. 'apt-get install -y postgresql' as root, or TEST_DATABASE_URL=postgres://user:pass@host:5432/db)"
  exit 1
}

# can_connect URL -> 0 when `select 1` succeeds over that URL.
can_connect() {
  local url=$1
  if command -v psql >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=5 psql -X -Atq "$url" -c 'select 1' >/dev/null 2>&1
  else
    URL="$url" node --input-type=commonjs -e '
      const { Client } = require("pg");
      const c = new Client({ connectionString: process.env.URL, connectionTimeoutMillis: 5000 });
      c.connect().then(() => c.query("select 1")).then(() => c.end()).then(
        () => process.exit(0),
        (e) => { console.error(String(e && e.message || e)); process.exit(1); });
    ' >/dev/null 2>&1
  fi
}

# ---------------------------------------------------------------- 1. given URL
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  log "checking TEST_DATABASE_URL from the environment..."
  if can_connect "$TEST_DATABASE_URL"; then
    log "TEST_DATABASE_URL connects."
    echo "$TEST_DATABASE_URL"
    exit 0
  fi
  die "TEST_DATABASE_URL is set but cannot connect (server down, wrong credentials, or pg_hba.conf rejects it)."
fi

# --------------------------------------------------------------- 2. local cluster
as_postgres() { # run a command as the postgres OS user (peer/trust on the unix socket)
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd / && su postgres -s /bin/sh -c "$1")
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    (cd / && sudo -n -u postgres sh -c "$1")
  else
    return 1
  fi
}

pg_version() { # highest installed major version with a config dir, e.g. "15"
  ls /etc/postgresql 2>/dev/null | grep -E '^[0-9]+(\.[0-9]+)?$' | sort -V | tail -n 1 || true
}

install_postgres() {
  if [[ "$(id -u)" -ne 0 ]]; then
    log "not root: cannot apt-get install postgresql."
    return 1
  fi
  command -v apt-get >/dev/null 2>&1 || { log "apt-get not available."; return 1; }
  log "no PostgreSQL found; installing Debian package 'postgresql' (apt-get)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
}

have_cluster() {
  command -v pg_lsclusters >/dev/null 2>&1 || return 1
  local v; v=$(pg_version)
  [[ -n "$v" ]] || return 1
  pg_lsclusters -h 2>/dev/null | awk -v v="$v" '$1 == v && $2 == "main" { found = 1 } END { exit !found }'
}

if ! have_cluster; then
  v=$(pg_version)
  if command -v pg_createcluster >/dev/null 2>&1 && [[ -z "$v" ]] && [[ "$(id -u)" -eq 0 ]]; then
    # server binaries installed but no cluster at all
    sv=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$sv" && -x "/usr/lib/postgresql/$sv/bin/postgres" ]]; then
      log "PostgreSQL $sv is installed but has no cluster; creating '$sv main'..."
      pg_createcluster "$sv" main >&2 || true
    fi
  fi
fi
if ! have_cluster; then
  install_postgres || true
fi
have_cluster || die "no local PostgreSQL cluster (pg_lsclusters / /etc/postgresql) and it could not be installed."

VERSION=$(pg_version)
read -r _ _ PORT STATUS _ < <(pg_lsclusters -h | awk -v v="$VERSION" '$1 == v && $2 == "main"')
log "found PostgreSQL cluster '$VERSION main' on port $PORT ($STATUS)."

URL="postgres://$ROLE:$PASSWORD@$HOST:$PORT/$DATABASE"

if [[ "$STATUS" != online* ]]; then
  log "starting cluster '$VERSION main'..."
  if [[ "$(id -u)" -eq 0 ]]; then
    pg_ctlcluster --skip-systemctl-redirect "$VERSION" main start >&2 \
      || die "could not start cluster '$VERSION main' (see /var/log/postgresql/postgresql-$VERSION-main.log)."
  else
    as_postgres "pg_ctlcluster --skip-systemctl-redirect $VERSION main start" >&2 \
      || die "cluster '$VERSION main' is down and this user cannot start it (run as root: pg_ctlcluster --skip-systemctl-redirect $VERSION main start)."
  fi
fi

# wait until it accepts TCP connections
for _ in $(seq 1 60); do
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -q -h "$HOST" -p "$PORT" && break
  else
    (exec 3<>"/dev/tcp/$HOST/$PORT") 2>/dev/null && break
  fi
  sleep 0.5
done

# fast path: role and database already usable
if can_connect "$URL"; then
  log "role/database '$ROLE' already usable."
  echo "$URL"
  exit 0
fi

log "creating role '$ROLE' and database '$DATABASE' (idempotent)..."
PSQL="psql -X -q -v ON_ERROR_STOP=1 -p $PORT -d postgres"
as_postgres "$PSQL" >&2 <<SQL || die "could not create role/database as the postgres user (need root or passwordless sudo)."
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$ROLE') THEN
    CREATE ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  ELSE
    ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $DATABASE OWNER $ROLE'
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$DATABASE')\gexec
ALTER DATABASE $DATABASE OWNER TO $ROLE;
SQL

if ! can_connect "$URL"; then
  # Most likely pg_hba.conf has no password/trust rule for 127.0.0.1.
  rules=$(as_postgres "$PSQL -Atc \"SELECT line_number, type, database, user_name, address, auth_method FROM pg_hba_file_rules WHERE type LIKE 'host%'\"" 2>/dev/null || true)
  log "cannot connect as $ROLE over $HOST:$PORT; pg_hba host rules are:"
  printf '%s\n' "$rules" | sed 's/^/ensure-postgres:   /' >&2
  hba=$(as_postgres "$PSQL -Atc 'SHOW hba_file'" 2>/dev/null || true)
  if [[ "$(id -u)" -eq 0 && -n "$hba" && -f "$hba" ]] && ! grep -q "^host[[:space:]]\+all[[:space:]]\+$ROLE[[:space:]]" "$hba"; then
    # "all": each server suite creates and drops a database of its own (luk_t_<random>).
    log "adding 'host all $ROLE $HOST/32 scram-sha-256' at the top of $hba and reloading..."
    tmp=$(mktemp)
    { echo "host all $ROLE $HOST/32 scram-sha-256 # added by license-update-kit scripts/ensure-postgres.sh"; cat "$hba"; } >"$tmp"
    cat "$tmp" >"$hba" && rm -f "$tmp"
    pg_ctlcluster --skip-systemctl-redirect "$VERSION" main reload >&2 || true
    sleep 1
  fi
  can_connect "$URL" || die "role '$ROLE' exists but $URL does not connect: pg_hba.conf must allow md5/scram-sha-256/trust for $HOST."
fi

log "PostgreSQL ready: $URL"
echo "$URL"
