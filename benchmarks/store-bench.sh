#!/usr/bin/env bash
# Issue 15 point 6: the two stores side by side on N generated dyes, in one run.
#   - N distinct dye-like structures from benchmarks/python/generate_dyes.py (substituent swaps over
#     the formula examples and the real catalogue's dye scaffolds; a fixed share per family);
#   - `dyereg import` of all of them into a SQLite file and into a PostgreSQL database (with the
#     RDKit cartridge), --no-estimates (the solubility model's overhead is issue 19's);
#   - `dyereg search --formula F` for every formula, `--smarts` for azo, sulfonamide, anthraquinone,
#     phthalocyanine, a selective substituted core and benzene, `--similar` at 0.7;
#   - beside each PostgreSQL figure, the cartridge's own SQL for the same query on the same tables
#     (psql, \timing): the baseline;
#   - for every dyereg run: user+system CPU seconds, wall seconds, peak resident memory (MB), hits.
# PostgreSQL: DYEREG_BENCH_POSTGRES (an Npgsql key=value connection string of a superuser, e.g.
# Host=...;Port=...;Username=...;Password=...) or, unset, a throw-away cluster
# (scripts/test-postgres.sh, fsync off). The load average is printed before and after: on a shared
# machine the figures are only as good as the load allowed (compare CPU seconds, not wall).
# Usage: benchmarks/store-bench.sh [N, default 1000000]   (DYEREG_BENCH_WORK: folder for the files;
# DYEREG_BENCH_SQLITE: reuse a SQLite registry imported before, see below; DYEREG_BENCH_KEEP=1
# keeps the PostgreSQL cluster and database running at the end, for queries by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DYEREG_SHARED:-$(cd .. && pwd)/shared}"
catalogue="$shared/data/catalogs/real_mixed.smi"
[ -f "$catalogue" ] || { echo "store-bench: $catalogue not found (set DYEREG_SHARED)" >&2; exit 2; }
n="${1:-1000000}"
work="${DYEREG_BENCH_WORK:-$(mktemp -d)}"
mkdir -p "$work"
# DYEREG_BENCH_DYEREG: a dyereg binary built before (a copy, so the tree may be rebuilt meanwhile).
if [ -n "${DYEREG_BENCH_DYEREG:-}" ]; then
  dyereg="$DYEREG_BENCH_DYEREG"
else
  dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
  dyereg="$(pwd)/src/DyeRegistry.Cli/bin/Release/net10.0/dyereg"
fi
started=""
cleanup() {
  echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
  if [ "${DYEREG_BENCH_KEEP:-0}" = 1 ] && [ -n "${database:-}" ]; then
    echo "kept (DYEREG_BENCH_KEEP=1): PostgreSQL database $database at $PGHOST:$PGPORT; stop with scripts/test-postgres.sh stop"
    return 0
  fi
  if [ -n "${database:-}" ]; then psql_server -c "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true; fi
  [ -n "$started" ] && scripts/test-postgres.sh stop
  [ -z "${DYEREG_BENCH_WORK:-}" ] && rm -rf "$work"
  return 0
}
trap cleanup EXIT

echo "== store benchmark, $n dyes, $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -s "$work/dyes.smi" ] && [ "$(wc -l <"$work/dyes.smi")" -eq "$n" ]; then
  echo "generator: $work/dyes.smi reused ($n lines)"; : >"$work/gen.time"; echo "0 0 0 0" >"$work/gen.time"
else
  /usr/bin/time -f "%U %S %e %M" -o "$work/gen.time" /usr/bin/python3 benchmarks/python/generate_dyes.py "$n" "$catalogue" samples/dyes.smi "$work/dyes.smi"
fi
echo "generator: $(cat "$work/gen.time" | awk '{ printf "%.1f s CPU", $1 + $2 }')"

if [ -z "${DYEREG_BENCH_POSTGRES:-}" ]; then
  # Sized like a team server, not like the tests' cluster: PostgreSQL's defaults (128 MB of shared
  # buffers, a checkpoint at every 1 GB of WAL) are for a small machine, and a million-row GiST
  # index does not fit them. A quarter of the memory (at most 8 GB) for shared buffers.
  buffers_mb=$(awk '/^MemTotal:/ { m = int($2 / 1024 / 4); if (m > 8192) m = 8192; print m }' /proc/meminfo)
  export DYEREG_POSTGRES_SETTINGS="${DYEREG_POSTGRES_SETTINGS:--c shared_buffers=${buffers_mb}MB -c max_wal_size=16GB -c checkpoint_timeout=1h -c maintenance_work_mem=1GB}"
  echo "PostgreSQL settings: $DYEREG_POSTGRES_SETTINGS"
  DYEREG_BENCH_POSTGRES="$(scripts/test-postgres.sh start)"
  started=1
fi
field() { tr ';' '\n' <<<"$DYEREG_BENCH_POSTGRES" | awk -F= -v k="$1" 'tolower($1) == tolower(k) { print substr($0, length($1) + 2) }'; }
export PGHOST="$(field Host)" PGPORT="$(field Port)" PGUSER="$(field Username)" PGPASSWORD="$(field Password)"
psql_server() { psql -X -q -d postgres "$@"; }
database="dyereg_bench_$$"
psql_server -c "CREATE DATABASE $database"
pg="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=$database"
# DYEREG_BENCH_SQLITE: a SQLite registry imported before from the same $work/dyes.smi (its import
# is not run again, and not timed here; the searches are).
sqlite="${DYEREG_BENCH_SQLITE:-$work/bench.db}"
[ -z "${DYEREG_BENCH_SQLITE:-}" ] && rm -f "$sqlite" "$sqlite-wal" "$sqlite-shm"

peak=0
# The database server's CPU seconds so far (the postmaster and every backend it has reaped: a
# dyereg run's backend ends with its connection), when the cluster runs on this machine.
server_cpu() {
  local dir pid
  dir="$(psql -X -qAt -d postgres -c "SHOW data_directory" 2>/dev/null || true)"
  pid="$(head -1 "$dir/postmaster.pid" 2>/dev/null || true)"
  if [ -n "$pid" ] && [ -r "/proc/$pid/stat" ]; then
    awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 + $16 + $17) / hz }' "/proc/$pid/stat"
  fi
}
# run LABEL STORE ARGS...: one dyereg run, measured; prints CPU, wall, peak MB and hits (output lines).
run() {
  local label="$1" store="$2"; shift 2
  local registry="$sqlite"; [ "$store" = postgres ] && registry="$pg"
  server_before="$(server_cpu)"
  if ! /usr/bin/time -f "%U %S %e %M" -o "$work/time" "$dyereg" "$@" --registry "$registry" >"$work/out" 2>"$work/err"; then
    # exit code 1 with records reported (duplicates) is an import's normal end
    [ "$1" = import ] || { echo "store-bench: $label on $store failed:"; tail -5 "$work/err"; exit 1; }
  fi
  read -r user system wall kb <"$work/time"
  local mb=$((kb / 1024)); [ "$mb" -gt "$peak" ] && peak=$mb
  local server=""
  if [ "$store" = postgres ] && [ -n "$server_before" ] && after="$(server_cpu)" && [ -n "$after" ]; then
    server="  server cpu $(echo "$after - $server_before" | bc) s"
  fi
  printf "  %-34s %-9s cpu %8.2f s  wall %8.2f s  peak %5d MB  hits %s%s\n" "$label" "$store" "$(echo "$user + $system" | bc)" "$wall" "$mb" "$(grep -c . "$work/out" || true)" "$server"
}
# sql LABEL QUERY: the cartridge's own query on the same tables, timed by psql.
sql() {
  local ms rows
  ms=$(psql -X -q -d "$database" -o /dev/null -c '\timing on' -c "SET rdkit.tanimoto_threshold = 0.7" -c "SET rdkit.morgan_fp_size = 2048" -c "$2" | awk '/^Time:/ { t = $2 } END { print t }')
  rows=$(psql -X -qAt -d "$database" -c "SET rdkit.tanimoto_threshold = 0.7" -c "SET rdkit.morgan_fp_size = 2048" -c "SELECT count(*) FROM ($2) q" | tail -1)
  printf "  %-34s %-9s wall %8.3f s  rows %s\n" "$1" "SQL" "$(echo "scale=3; $ms / 1000" | bc)" "$rows"
}

echo "-- import (--no-estimates)"
stores="sqlite postgres"
[ -n "${DYEREG_BENCH_SQLITE:-}" ] && { stores=postgres; echo "  SQLite registry reused (not imported here): $sqlite"; }
for store in $stores; do
  [ "$store" = sqlite ] && "$dyereg" init --registry "$sqlite" >/dev/null
  [ "$store" = postgres ] && "$dyereg" init --registry "$pg" >/dev/null
  run "import $n" "$store" import "$work/dyes.smi" --no-estimates
  grep -E "created|duplicate" "$work/err" | tail -2 | sed 's/^/      /'
done
psql -X -q -d "$database" -c "VACUUM ANALYZE"

echo "-- search --formula"
for f in $(ls formulas/*.yaml | xargs -n1 basename | sed 's/\.yaml$//' | grep -v substituent); do
  for store in sqlite postgres; do run "formula $f" "$store" search --formula "$f" --format jsonl; done
  sql "formula $f" "SELECT d.id, d.parent_smiles FROM dye_structures d WHERE d.id IN (SELECT id FROM dye_formulas WHERE formula IN ('$f', 'undetermined:$f')) ORDER BY d.id"
done

echo "-- search --smarts"
while IFS='|' read -r name smarts; do
  for store in sqlite postgres; do run "smarts $name" "$store" search --smarts "$smarts" --time-limit 3600 --format jsonl; done
  sql "smarts $name" "SELECT id, parent_smiles FROM dye_structures WHERE mol @> qmol_from_smarts('$smarts'::cstring) ORDER BY id"
done <<'QUERIES'
azo|cN=Nc
sulfonamide|S(=O)(=O)N
anthraquinone|O=C1c2ccccc2C(=O)c2ccccc12
phthalocyanine|c1(nc)nc(nc)c2ccccc12
selective core|CCN(CC)c1ccc(N=Nc)cc1
benzene|c1ccccc1
QUERIES

echo "-- search --similar (Tanimoto >= 0.7, Morgan radius 2, 2048 bits)"
probe="$(awk -F'\t' '$2 ~ /^GEN-AZO-/ { print $1; exit }' "$work/dyes.smi")"
echo "  probe: $probe"
for store in sqlite postgres; do run "similar 0.7" "$store" search --similar "$probe" --min-tanimoto 0.7 --format jsonl; done
sql "similar 0.7" "SELECT id, tanimoto_sml(morgan_bfp, q.fp) FROM dye_structures, (SELECT morganbv_fp(mol_from_smiles('$probe'::cstring), 2) AS fp) q WHERE morgan_bfp % q.fp ORDER BY 2 DESC, id"

echo "-- export (streamed) and the whole registry read"
for store in sqlite postgres; do run "export json" "$store" export -o "$work/export-$store.json"; done
# migrate reads the whole registry as it streams and writes it in one transaction
# (DYEREG_BENCH_MIGRATE=0 leaves it out: at a million it is another import's worth of server work).
if [ "${DYEREG_BENCH_MIGRATE:-1}" != 0 ]; then
psql_server -c "CREATE DATABASE ${database}_copy"
copy="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Password=$PGPASSWORD;Database=${database}_copy"
run "migrate sqlite -> postgres" sqlite migrate --from "$sqlite" --to "$copy"
psql_server -c "DROP DATABASE ${database}_copy WITH (FORCE)" >/dev/null
fi
echo "peak resident memory of any dyereg run: $peak MB"
echo "sizes: SQLite $(du -h "$sqlite" | cut -f1); PostgreSQL $(psql -X -qAt -d "$database" -c "SELECT pg_size_pretty(pg_database_size(current_database()))")"
