#!/usr/bin/env bash
# Measures what README "Dependencies and why" says about the embedded store: LiteDB 5.0.21 (what
# the design named) against SQLite as DyeRegistry's store opens it (WAL, synchronous=NORMAL) and
# with synchronous=FULL. For each store, one session:
#   1. fsync/fdatasync calls for 200 single-record commits (strace -f -c): what a power loss can take;
#   2. kill -9 in the middle of committing: every id the writer printed (its commit had returned)
#      must be in the file when it is opened again;
#   3. two processes writing 200 records each into one file at once: 400 must be there.
# Needs strace (Debian package strace). Prints one line per store and check.
set -uo pipefail
cd "$(dirname "$0")/.."
command -v strace >/dev/null || { echo "store-durability: needs strace (apt-get install strace)" >&2; exit 2; }
out="$(pwd)/artifacts/store-durability"
rm -rf "$out"; mkdir -p "$out"
dotnet build benchmarks/StoreDurability/StoreDurability.csproj -c Release -nologo -v quiet -o "$out/bin" >/dev/null || exit 2
probe="$out/bin/StoreDurability"

for store in litedb litedb-shared sqlite sqlite-full; do
  db="$out/$store-fsync.db"
  syncs=$(strace -f -c -e trace=fsync,fdatasync "$probe" "$store" insert "$db" f 200 2>&1 >/dev/null | awk '$NF ~ /^(fsync|fdatasync)$/ {n += $4} END {print n + 0}')
  echo "$store: $syncs fsync/fdatasync calls for 200 commits"

  db="$out/$store-kill.db"
  "$probe" "$store" insert "$db" k 100000 > "$out/$store-acked.txt" &
  pid=$!
  # Kill in the middle of committing: once 300 commits were acknowledged (at most 60 s).
  for _ in $(seq 600); do [ "$(wc -l < "$out/$store-acked.txt")" -ge 300 ] && break; sleep 0.1; done
  kill -9 "$pid"; wait "$pid" 2>/dev/null
  acked=$(wc -l < "$out/$store-acked.txt")
  "$probe" "$store" count "$db" > "$out/$store-found.txt" 2> "$out/$store-count.err"
  lost=$(comm -23 <(sort "$out/$store-acked.txt") <(sort "$out/$store-found.txt") | wc -l)
  echo "$store: kill -9 after ${acked} acknowledged commits: ${lost} of them missing on reopen$( [ -s "$out/$store-count.err" ] && echo " (reopen said: $(head -c 200 "$out/$store-count.err" | tr '\n' ' '))")"

  db="$out/$store-two.db"
  "$probe" "$store" insert "$db" a 200 > /dev/null 2> "$out/$store-a.err" &
  a=$!
  "$probe" "$store" insert "$db" b 200 > /dev/null 2> "$out/$store-b.err" &
  b=$!
  wait "$a"; ra=$?; wait "$b"; rb=$?
  found=$("$probe" "$store" count "$db" 2>/dev/null | wc -l)
  echo "$store: two writers x 200 commits: ${found} of 400 records stored (writer exit codes ${ra}, ${rb})$( [ -s "$out/$store-a.err" ] || [ -s "$out/$store-b.err" ] && echo "; errors: $(cat "$out/$store-a.err" "$out/$store-b.err" | grep -m1 -i 'exception' | head -c 160)")"
done
