#!/usr/bin/env bash
# Issue 18's cluster benchmark, one run, side by side on one generated file:
#   (s) `dyereg screen` on this machine, all cores;
#   (k) `dyereg screen --cluster` on 2 nodes on this machine (1 thread each), Redis on loopback,
#       nodes started before the clock starts;
# the engine's overhead (k)/(s) - 1 in wall-clock time and in user CPU seconds (the nodes' and the
# coordinator's against the single run's: under other load the CPU ratio is the fair one), the
# per-shard overhead (plan, lease, merge) in milliseconds,
# a check that both outputs are byte-identical, and a paper estimate of 100 nodes on 1e9 records.
# The machine's load average is printed before and after. The file is ../shared's real catalogue
# repeated to N records (ids get a #k suffix), as in screen-bench.sh.
# Usage: benchmarks/cluster-bench.sh [N, default 1000000] [records per shard, default 20000]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DYEREG_SHARED:-$(cd .. && pwd)/shared}"
catalogue="$shared/data/catalogs/real_mixed.smi"
[ -f "$catalogue" ] || { echo "benchmarks: $catalogue not found (set DYEREG_SHARED)" >&2; exit 2; }
command -v redis-server >/dev/null || { echo "benchmarks: redis-server missing (scripts/bootstrap.sh)" >&2; exit 2; }
records="${1:-1000000}"; per_shard="${2:-20000}"
work="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -f "$work/redis.pid" ] && kill "$(cat "$work/redis.pid")" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
dotnet build -c Release src/DyeRegistry.Cli -nologo -v quiet >/dev/null
dyereg=src/DyeRegistry.Cli/bin/Release/net10.0/dyereg
awk -v n="$records" 'BEGIN { k = 0; done = 0 }
  { lines[NR] = $0 } END { while (done < n) { k++; for (i = 1; i <= NR && done < n; i++) {
    split(lines[i], f, /[ \t]+/); if (f[1] == "") continue; print f[1] "\t" f[2] "#" k; done++ } } }' "$catalogue" > "$work/big.smi"
echo "== $records records, shards of $per_shard, $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize yes --dir "$work" --pidfile "$work/redis.pid" --logfile "$work/redis.log"
uri="redis://127.0.0.1:$port"
for i in 1 2; do
  "$dyereg" cluster node --membership "$uri" --threads 1 > "$work/node$i.log" 2>&1 &
  pids+=($!)
done
for i in 1 2; do
  for _ in $(seq 600); do grep -q "ready as" "$work/node$i.log" && break; sleep 0.2; done
  grep -q "ready as" "$work/node$i.log" || { cat "$work/node$i.log"; echo "node $i did not start" >&2; exit 1; }
done

now() { date +%s.%N; }
cpu() { awk '{ printf "%.2f %.2f", $14 / 100, $15 / 100 }' "/proc/$1/stat"; }  # user, system seconds (USER_HZ 100)
timed() { out="$1"; shift; /usr/bin/time -f "%U %S" -o "$out" "$@"; }
echo "(s) load average at its start: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(now); timed "$work/single.cpu" "$dyereg" screen "$work/big.smi" -q -o "$work/single.jsonl" --errors "$work/single.err" 2> "$work/single.log"; t1=$(now)
echo "(s) $(tail -1 "$work/single.log")"
echo "(k) load average at its start: $(cut -d' ' -f1-3 /proc/loadavg)"
n1a=$(cpu "${pids[0]}"); n2a=$(cpu "${pids[1]}")
t2=$(now); timed "$work/cluster.cpu" "$dyereg" screen "$work/big.smi" --cluster "$uri" -q -o "$work/cluster.jsonl" --errors "$work/cluster.err" --shard-records "$per_shard" 2> "$work/cluster.log"; t3=$(now)
n1b=$(cpu "${pids[0]}"); n2b=$(cpu "${pids[1]}")
echo "(k) $(tail -1 "$work/cluster.log")"
echo "load average after (k): $(cut -d' ' -f1-3 /proc/loadavg)"
cmp -s "$work/single.jsonl" "$work/cluster.jsonl" && cmp -s "$work/single.err" "$work/cluster.err" && echo "outputs byte-identical" || { echo "outputs DIFFER" >&2; exit 1; }
# Plan and merge as commands, on the big job and on a one-record job: the one-record run is the
# fixed cost of a dyereg process (start, formula library); the difference is the work per shard.
head -1 "$work/big.smi" > "$work/one.smi"
t4=$(now); "$dyereg" screen plan "$work/big.smi" --job "$work/plan-only" --shard-records "$per_shard" > "$work/plan.out" 2>/dev/null; t5=$(now)
t6=$(now); "$dyereg" screen merge --job "$work/cluster.jsonl.job" -o "$work/merged-again.jsonl" 2>/dev/null; t7=$(now)
t8=$(now); "$dyereg" screen plan "$work/one.smi" --job "$work/one-job" > /dev/null 2>&1; t9=$(now)
"$dyereg" screen shard --job "$work/one-job" --shard 0 2>/dev/null
t10=$(now); "$dyereg" screen merge --job "$work/one-job" -o "$work/one.jsonl" 2>/dev/null; t11=$(now)
id=$(cat "$work/cluster.jsonl.job/cluster-job")
redis-cli -p "$port" lrange "dyereg:job:$id:events" 0 -1 > "$work/events"

python3 - "$records" "$per_shard" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$t6" "$t7" "$t8" "$t9" "$t10" "$t11" "$(cat "$work/plan.out")" "$work/events" \
  "$(cat "$work/single.cpu")" "$(cat "$work/cluster.cpu")" "$n1a" "$n1b" "$n2a" "$n2b" <<'PY'
import sys, statistics
records, per_shard = int(sys.argv[1]), int(sys.argv[2])
t = list(map(float, sys.argv[3:15])); shards = int(sys.argv[15])
single, cluster, plan, merge, plan1, merge1 = t[1] - t[0], t[3] - t[2], t[5] - t[4], t[7] - t[6], t[9] - t[8], t[11] - t[10]
su, ss = map(float, sys.argv[17].split()); cu, cs = map(float, sys.argv[18].split())
n1a, n1b, n2a, n2b = [list(map(float, a.split())) for a in sys.argv[19:23]]
nodes_user = (n1b[0] - n1a[0]) + (n2b[0] - n2a[0]); nodes_sys = (n1b[1] - n1a[1]) + (n2b[1] - n2a[1])
# Lease overhead: per node, the gap between a completion and that node's next lease.
last, gaps = {}, []
for line in open(sys.argv[16]):
    f = line.split()
    if len(f) < 4: continue
    ms, what, shard, node = f[:4]
    if what == "complete": last[node] = int(ms)
    elif what == "lease" and node in last: gaps.append(int(ms) - last.pop(node))
lease = statistics.median(gaps) if gaps else float('nan')
plan_shard = 1000 * (plan - plan1) / shards; merge_shard = 1000 * (merge - merge1) / shards
print(f"(s) single machine, all cores : {single:8.1f} s  {records / single:8,.0f} records/s  user CPU {su:7.1f} s, system {ss:5.1f} s")
print(f"(k) 2-node cluster, same cores: {cluster:8.1f} s  {records / cluster:8,.0f} records/s  user CPU {cu + nodes_user:7.1f} s (nodes {nodes_user:.1f}, coordinator {cu:.1f}), system {cs + nodes_sys:5.1f} s")
print(f"engine overhead, wall clock (k)/(s) - 1 = {100 * (cluster / single - 1):+.1f} %   user CPU (k)/(s) - 1 = {100 * ((cu + nodes_user) / su - 1):+.1f} %   (goal <= 5 %)")
print(f"per shard ({shards} shards): plan {plan_shard:.1f} ms (whole plan {plan:.2f} s, of which {plan1:.2f} s a dyereg process's start and formula library: a one-record plan), "
      f"lease {lease:.0f} ms median between a completion and the node's next lease ({len(gaps)} gaps), "
      f"merge {merge_shard:.1f} ms (whole merge {merge:.2f} s, of which {merge1:.2f} s a one-shard merge)")
# Paper estimate: 100 nodes of this machine's rate, 1e9 records, the same shard size.
rate_per_node = records / single  # this 2-core machine
n = 1e9; nodes = 100; count = n / per_shard
compute = n / (rate_per_node * nodes)
per_shard_s = per_shard / rate_per_node
print(f"paper: 1e9 records on {nodes} such nodes: {count:,.0f} shards of {per_shard:,} ({per_shard_s:.1f} s each); compute {compute / 3600:.2f} h at {rate_per_node:,.0f} records/s a node; "
      f"ledger: {count * 8:,.0f} Redis operations for leases and completions ({count * 8 / compute:.1f}/s) + renewals {nodes / 2:.0f}/s of 3 each; "
      f"plan {plan_shard * count / 1000 / 60:.1f} min; merge {merge_shard * count / 1000 / 60:.1f} min at this machine's rates; "
      f"lease gap {lease / 1000 / per_shard_s * 100:.2f} % of a shard's time")
PY
