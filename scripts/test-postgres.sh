#!/usr/bin/env bash
# A throw-away PostgreSQL 15 cluster (with the RDKit cartridge) for the PostgreSQL store's tests.
#   scripts/test-postgres.sh start   initdb + start; prints the connection string on stdout
#   scripts/test-postgres.sh stop    stops it and removes its data folder
#   scripts/test-postgres.sh start-without-cartridge | stop-without-cartridge
#                                    a second throw-away cluster whose server has no RDKit cartridge
#                                    (the test that a missing cartridge is reported clearly): the
#                                    server binary copied into artifacts/pg-nocartridge/ with a copy
#                                    of the share folder lacking rdkit.* (PostgreSQL finds its share
#                                    folder relative to its binary); trust login on loopback.
# The cluster lives in artifacts/postgres/ (data folder; unix socket inside it) when the postgres
# user can reach that folder; a checkout under a private folder (mktemp -d, a home folder of mode
# 700) cannot be reached, and then the cluster lives in a fresh /tmp/dyereg-postgres.XXXXXX instead,
# named in artifacts/postgres.location so that stop finds and removes it. It listens on a free
# loopback port only, and runs as the unprivileged `postgres` user (PostgreSQL refuses root).
# Password authentication with a random password, so other users of the machine cannot use it.
# fsync is off: the cluster is thrown away, and tests that kill a client do not need it.
# DYEREG_POSTGRES_SETTINGS adds server settings to the start (e.g. "-c shared_buffers=4GB"): the
# store benchmark sizes its cluster like a team server's; the tests run with the defaults.
# Any failure is reported with the reason (and the server log) and exits non-zero: the PostgreSQL
# tests must never be skipped silently.
set -euo pipefail
cd "$(dirname "$0")/.."
bin=/usr/lib/postgresql/15/bin
user=postgres
pointer="$(pwd)/artifacts/postgres.location"
root="$(pwd)/artifacts/postgres"
[ -f "$pointer" ] && root="$(cat "$pointer")"
data="$root/data"
log="$root/server.log"

# A cluster's folder (see the header): artifacts/NAME when the postgres user can reach it, else a
# fresh /tmp/dyereg-NAME.XXXXXX; printed, and recorded in POINTER for stop.
reachable_folder() { # NAME POINTER
  local folder="$(pwd)/artifacts/$1"
  mkdir -p "$folder"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$user" "$folder"
    if ! runuser -u "$user" -- test -w "$folder"; then
      rm -rf "$folder"
      folder="$(mktemp -d "/tmp/dyereg-$1.XXXXXX")"
      chown "$user" "$folder"
      echo "test-postgres: the $user user cannot reach $(pwd)/artifacts (a private folder above it); the cluster lives in $folder" >&2
    fi
  fi
  echo "$folder" > "$2"
  echo "$folder"
}

# Picks the cluster's folder for start and records it for stop.
choose_root() {
  root="$(reachable_folder postgres "$pointer")"
  data="$root/data"
  log="$root/server.log"
}

fail() { echo "test-postgres: $*" >&2; [ -f "$log" ] && { echo "--- $log (last lines) ---" >&2; tail -20 "$log" >&2; }; exit 1; }

as_user() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

stop() {
  if [ -f "$data/postmaster.pid" ]; then
    as_user "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$root"
  rm -f "$pointer"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() {
  [ -x "$bin/initdb" ] || fail "PostgreSQL 15 is not installed ($bin/initdb missing): run scripts/bootstrap.sh (installs postgresql-15 postgresql-15-rdkit)"
  [ -f /usr/share/postgresql/15/extension/rdkit.control ] || fail "the RDKit cartridge is not installed (postgresql-15-rdkit): run scripts/bootstrap.sh"
  if [ "$(id -u)" -eq 0 ]; then
    getent passwd "$user" >/dev/null || fail "no '$user' user to run the server as (PostgreSQL refuses to run as root); install postgresql-15, which creates it"
  fi
  stop
  mkdir -p "$(pwd)/artifacts"
  choose_root
  [ ${#data} -lt 90 ] || fail "the data folder path is too long for a unix socket inside it ($data); use a shorter checkout path"
  local password
  password="$(python3 -c 'import secrets; print(secrets.token_hex(16))')"
  printf '%s\n' "$password" > "$root/pwfile"
  [ "$(id -u)" -eq 0 ] && chown "$user" "$root/pwfile"
  chmod 600 "$root/pwfile"
  as_user "$bin/initdb" -D "$data" -U postgres --pwfile="$root/pwfile" --auth=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 \
    || { cat "$root/initdb.log" >&2; fail "initdb failed (above)"; }
  rm -f "$root/pwfile"
  local port attempt
  for attempt in 1 2 3; do
    port="$(free_port)"
    if as_user "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c fsync=off -c max_connections=50 ${DYEREG_POSTGRES_SETTINGS:-}" start >/dev/null 2>&1; then
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=postgres" > "$root/connection"
      chmod 600 "$root/connection"
      # The cartridge must load, or every PostgreSQL test would fail for the same reason.
      PGPASSWORD="$password" "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -d postgres -qAt \
        -c "CREATE EXTENSION IF NOT EXISTS rdkit" -c "SELECT rdkit_version()" >"$root/rdkit-version" 2>"$root/psql.err" \
        || { cat "$root/psql.err" >&2; fail "the server started but the RDKit cartridge does not load (above)"; }
      cat "$root/connection"
      return 0
    fi
    echo "test-postgres: start on port $port failed (attempt $attempt)" >&2
  done
  fail "the server did not start"
}

# Its folder follows the same rule as the main cluster's: artifacts/pg-nocartridge when the
# postgres user can reach it, else a fresh /tmp folder named in artifacts/pg-nocartridge.location.
nocartridge_pointer="$(pwd)/artifacts/pg-nocartridge.location"
nocartridge="$(pwd)/artifacts/pg-nocartridge"
[ -f "$nocartridge_pointer" ] && nocartridge="$(cat "$nocartridge_pointer")"

stop_without_cartridge() {
  local t="$nocartridge"
  if [ -f "$t/data/postmaster.pid" ]; then
    as_user "$t/usr/lib/postgresql/15/bin/pg_ctl" -D "$t/data" -m fast -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$t"
  rm -f "$nocartridge_pointer"
}

start_without_cartridge() {
  local t port
  [ -x "$bin/postgres" ] || fail "PostgreSQL 15 is not installed ($bin/postgres missing): run scripts/bootstrap.sh"
  stop_without_cartridge
  t="$(reachable_folder pg-nocartridge "$nocartridge_pointer")"
  nocartridge="$t"
  mkdir -p "$t/usr/lib/postgresql/15/bin" "$t/usr/share/postgresql"
  cp "$bin/postgres" "$bin/pg_ctl" "$t/usr/lib/postgresql/15/bin/"
  ln -s /usr/lib/postgresql/15/lib "$t/usr/lib/postgresql/15/lib"
  cp -r /usr/share/postgresql/15 "$t/usr/share/postgresql/15"
  rm -f "$t"/usr/share/postgresql/15/extension/rdkit*
  [ "$(id -u)" -eq 0 ] && chown -R "$user" "$t"
  log="$t/server.log"
  as_user "$bin/initdb" -D "$t/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$t/initdb.log" 2>&1 \
    || { cat "$t/initdb.log" >&2; fail "initdb failed (above)"; }
  port="$(free_port)"
  as_user "$t/usr/lib/postgresql/15/bin/pg_ctl" -D "$t/data" -l "$log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$t/data -c fsync=off -c max_connections=20" start >/dev/null 2>&1 \
    || fail "the server without the cartridge did not start"
  echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  start-without-cartridge) start_without_cartridge ;;
  stop-without-cartridge) stop_without_cartridge ;;
  *) echo "usage: scripts/test-postgres.sh start|stop|start-without-cartridge|stop-without-cartridge" >&2; exit 2 ;;
esac
