#!/usr/bin/env bash
# Issue 17's page timings, server side, from dyereg serve's own request log (one JSON line per
# request with its milliseconds): a registry of the real catalogue (../shared/data/catalogs/
# real_mixed.smi, every structure imported as a dye) plus the sample ink and media; then, logged
# in through the pages, N rounds of: a text search, a substructure search, a formula search, a dye
# page, and the claim chart of the sample ink on MED-1, each page's depictions fetched after it (the
# substructure grid's, the dye page's). Prints p50 / p95 / max per kind.
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
# DYEREG=PATH: time that dyereg program (already built) instead of building the CLI here.
if [ -z "${DYEREG:-}" ]; then dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null; fi
dyereg="${DYEREG:-src/DyeRegistry.Cli/bin/Release/net10.0/dyereg}"
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
# Each page's depictions are fetched after it, as a browser does (the substructure grid's and the
# dye page's: the user waits for them too); they are timed as "depiction".
pictures() { grep -o 'src="/depict/[^"]*"' | sed 's/^src="//;s/"$//;s/&amp;/\&/g'; }
for id in $ids; do
  for path in "/search?q=${id:0:3}" "/search?structure=c1ccc2scnc2c1&mode=substructure" "/search?formula=M-I" "/dyes/$id" "/charts?ink=INK-M1&medium=MED-1"; do
    curl -s -b "$jar" -o "$work/page.html" "$base$path"
    case "$path" in
      *substructure*|/dyes/*) for img in $(pictures < "$work/page.html"); do curl -s -b "$jar" -o /dev/null "$base$img"; done ;;
    esac
  done
done
# The percentiles are of the rounds only: this request marks their end in the log (a 404).
curl -s -b "$jar" -o /dev/null "$base/timings-rounds-end"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
# CPU the server spends per request (user + system, from /proc; less at the mercy of other
# processes than wall-clock): 5 of each kind, one after another.
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
tick=$(getconf CLK_TCK); one=$(echo "$ids" | head -1)
for kind in "search: text|/search?q=${one:0:3}" "search: substructure|/search?structure=c1ccc2scnc2c1&mode=substructure" "search: formula|/search?formula=M-I" "dye page|/dyes/$one" "claim chart|/charts?ink=INK-M1&medium=MED-1"; do
  before=$(cpu)
  for _ in 1 2 3 4 5; do curl -s -b "$jar" -o /dev/null "$base${kind#*|}"; done
  printf "%-22s server CPU per request %8.1f ms\n" "${kind%%|*}" "$(echo "($(cpu) - $before) * 1000 / $tick / 5" | bc -l)"
done
# Depictions: 20 dyes never drawn before in this run (a first view), then one of them 5 times.
fresh=$(sqlite3 "$reg" "SELECT id FROM records WHERE kind='dye' ORDER BY random() LIMIT 20" 2>/dev/null || true)
if [ -n "$fresh" ]; then
  before=$(cpu)
  for d in $fresh; do curl -s -b "$jar" -o /dev/null "$base/depict/$d.svg"; done
  printf "%-22s server CPU per request %8.1f ms\n" "depiction, first draw" "$(echo "($(cpu) - $before) * 1000 / $tick / $(echo "$fresh" | wc -l)" | bc -l)"
  d=$(echo "$fresh" | head -1); before=$(cpu)
  for _ in 1 2 3 4 5; do curl -s -b "$jar" -o /dev/null "$base/depict/$d.svg"; done
  printf "%-22s server CPU per request %8.1f ms\n" "depiction, again" "$(echo "($(cpu) - $before) * 1000 / $tick / 5" | bc -l)"
fi
python3 - "$work/log.jsonl" <<'PY'
import json, sys
from urllib.parse import urlparse
rows = {}
# The log has the path, not the query: the searches of a round come in the order the loop asks
# them (text, substructure, formula), so their position tells them apart. The requests of the CPU
# loops come after the rounds' end mark and are left out (five of a kind in a row would be
# labelled by position wrongly).
searches = ["search: text", "search: substructure", "search: formula"]
seen_search = 0
for line in open(sys.argv[1]):
    try: e = json.loads(line)
    except ValueError: continue
    s = e.get("State", {})
    if "Milliseconds" not in s: continue
    p = s["Path"]
    if p == "/timings-rounds-end": break
    kind = "dye page" if p.startswith("/dyes/") else "claim chart" if p == "/charts" else "depiction" if p.startswith("/depict/") else None
    if p == "/search":
        kind = searches[seen_search % 3]; seen_search += 1
    if kind: rows.setdefault(kind, []).append(float(s["Milliseconds"]))
def pct(v, q): v = sorted(v); return v[min(len(v) - 1, int(round(q * (len(v) - 1))))]
for k, v in rows.items():
    print(f"{k:22s} n={len(v):4d}  p50 {pct(v,.5):8.1f} ms  p95 {pct(v,.95):8.1f} ms  max {max(v):8.1f} ms")
PY
