#!/usr/bin/env bash
# Issue 16's load and fault figures: the ServeLoadTests test (tests/DyeRegistry.Server.Tests/Load)
# run for 60 s (32 clients by default) against the real `dyereg serve` on a loopback port, on a
# registry holding the samples and the first 2,000 records of the real catalogue (when ../shared is
# there), with a SIGKILL and restart halfway. Prints answered requests/s and p50/p99 latency per
# kind of request; the test itself checks every acknowledged write afterwards.
# Usage: benchmarks/serve-load.sh [SECONDS, default 60] [CLIENTS, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${DYEREG_SHARED:-$(cd .. && pwd)/shared}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
catalogue="$shared/data/catalogs/real_mixed.smi"
if [ -f "$catalogue" ]; then head -n 2000 "$catalogue" > "$work/catalogue.smi"; export DYEREG_LOAD_IMPORT="$work/catalogue.smi"; else echo "serve-load: $catalogue not found: the registry holds only the samples" >&2; fi
dotnet build -c Release tests/DyeRegistry.Server.Tests -nologo -v quiet >/dev/null
export DYEREG_LOAD_SECONDS="${1:-60}" DYEREG_LOAD_CLIENTS="${2:-32}" DYEREG_LOAD_REPORT="$work/report.txt"
dotnet test tests/DyeRegistry.Server.Tests -c Release --no-build --filter "FullyQualifiedName~ServeLoadTests" -v quiet --nologo > "$work/test.log" 2>&1 || { cat "$work/test.log"; [ -f "$work/report.txt" ] && cat "$work/report.txt"; exit 1; }
cat "$work/report.txt"
echo "every acknowledged write present at its version, audited; dyereg check passed after the kill"
