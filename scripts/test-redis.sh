#!/usr/bin/env bash
# A throw-away Redis server for the cluster tests (membership and job ledger of dyereg cluster).
#   scripts/test-redis.sh start   starts it; prints its address (redis://127.0.0.1:PORT) on stdout
#   scripts/test-redis.sh stop    stops it and removes its folder
# Loopback only, on a free port, no persistence (nothing to keep), a random password is not
# needed on loopback for a server that lives as long as one test run. Its folder is
# artifacts/redis/ (pid file and log). Any failure exits non-zero with the reason and the log.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)/artifacts/redis"
log="$root/server.log"

fail() { echo "test-redis: $*" >&2; [ -f "$log" ] && { echo "--- $log (last lines) ---" >&2; tail -20 "$log" >&2; }; exit 1; }

stop() {
  # The pid is read once: Redis removes its pid file as it exits.
  local pid
  pid="$(cat "$root/redis.pid" 2>/dev/null || true)"
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$root"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

start() {
  command -v redis-server >/dev/null || fail "redis-server is not installed: run scripts/bootstrap.sh (installs redis-server)"
  stop
  mkdir -p "$root"
  local port attempt
  for attempt in 1 2 3; do
    port="$(free_port)"
    if redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize yes \
        --dir "$root" --pidfile "$root/redis.pid" --logfile "$log" >/dev/null 2>&1; then
      for _ in $(seq 50); do
        if redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG; then
          echo "redis://127.0.0.1:$port" > "$root/address"
          cat "$root/address"
          return 0
        fi
        sleep 0.1
      done
    fi
    echo "test-redis: start on port $port failed (attempt $attempt)" >&2
  done
  fail "the server did not start"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: scripts/test-redis.sh start|stop" >&2; exit 2 ;;
esac
