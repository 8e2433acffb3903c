#!/usr/bin/env bash
# Issue 17's page timings, server side, from dyereg serve's own request log (one JSON line per
# request with its milliseconds): a registry of the real catalogue (../shared/data/catalogs/
# real_mixed.smi, every structure imported as a dye) plus the sample ink and media; then, logged
# in through the pages, N rounds of: a text search, a substructure search, a formula search, a dye
# page, and the claim chart of the sample ink on MED-1. Prints p50 / p95 / max per kind.
# Goals (issue 17): search and dye pages p95 < 300 ms, a claim chart < 1 s.
# Usage: benchmarks/web-timings.sh [ROUNDS, default 20]   (builds the CLI first)
# DYEREG_TIMINGS_REGISTRY=FILE keeps the imported registry there and reuses it on the next run
# (the import is the slow part); DYEREG_TIMINGS_ESTIMATES=no imports with --no-estimates (the
# pages timed read estimates but do not compute them). The load average is printed with the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DYEREG_SHARED:-$(cd .. && pwd)/shared}"
catalogue="$shared/data/catalogs/real_mixed.smi"
[ -f "$catalogue" ] || { echo "benchmarks: $catalogue not found (set DYEREG_SHARED)" >&2; exit 2; }
rounds="${1:-20}"
work="$(mktemp -d)"; server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
dyereg=src/DyeRegistry.Cli/bin/Release/net10.0/dyereg
reg="${DYEREG_TIMINGS_REGISTRY:-$work/registry.db}"
estimates=(); [ "${DYEREG_TIMINGS_ESTIMATES:-yes}" = no ] && estimates=(--no-estimates)
if [ ! -f "$reg" ]; then
  "$dyereg" init --registry "$reg" >/dev/null
  echo "== importing $(grep -c . "$catalogue") catalogue structures as dyes ${estimates[*]} (duplicates are reported, not imported)"
  /usr/bin/time -f "import: %U s user, %S s system, %e s wall, %M KB" "$dyereg" import "$catalogue" --registry "$reg" "${estimates[@]}" 2>&1 >/dev/null | tail -2 || true
  "$dyereg" import samples/records.json --registry "$reg" >/dev/null 2>&1 || true
else
  echo "== reusing $reg"
fi
echo "== registry: $(sqlite3 "$reg" "SELECT count(*) FROM records WHERE kind='dye'" 2>/dev/null || echo '?') dyes"
"$dyereg" users add bench --role viewer --registry "$reg" >/dev/null 2>&1 || true
echo "a password for the timings" | "$dyereg" users passwd bench --registry "$reg" >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"
"$dyereg" serve --registry "$reg" --urls "$base" > "$work/log.jsonl" 2>"$work/err.txt" & server=$!
for _ in $(seq 100); do curl -sf "$base/healthz" >/dev/null && break; sleep 0.3; done
jar="$work/cookies"
token=$(curl -s -c "$jar" -b "$jar" "$base/login" | grep -o 'name="__csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null -X POST "$base/login" --data-urlencode "__csrf=$token" --data-urlencode name=bench --data-urlencode "password=a password for the timings"
ids=$(sqlite3 "$reg" "SELECT id FROM records WHERE kind='dye' ORDER BY random() LIMIT $rounds" 2>/dev/null || python3 -c "
import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print('\n'.join(r[0] for r in c.execute(\"SELECT id FROM records WHERE kind='dye' ORDER BY random() LIMIT $rounds\")))" "$reg")
for id in $ids; do
  for path in "/search?q=${id:0:3}" "/search?structure=c1ccc2scnc2c1&mode=substructure" "/search?formula=M-I" "/dyes/$id" "/charts?ink=INK-M1&medium=MED-1"; do
    curl -s -b "$jar" -o /dev/null "$base$path"
  done
done
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
python3 - "$work/log.jsonl" <<'PY'
import json, sys
from urllib.parse import urlparse
rows = {}
for line in open(sys.argv[1]):
    try: e = json.loads(line)
    except ValueError: continue
    s = e.get("State", {})
    if "Milliseconds" not in s: continue
    p = s["Path"]
    kind = "dye page" if p.startswith("/dyes/") else "claim chart" if p == "/charts" else "search" if p == "/search" else None
    if kind: rows.setdefault(kind, []).append(float(s["Milliseconds"]))
def pct(v, q): v = sorted(v); return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]
for k, v in rows.items():
    print(f"{k:12s} n={len(v):4d}  p50 {pct(v,.5):8.1f} ms  p95 {pct(v,.95):8.1f} ms  max {max(v):8.1f} ms")
PY
