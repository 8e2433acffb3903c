#!/usr/bin/env bash
# Installs what DyeRegistry needs on a Debian machine, skipping what is already there:
#   - Debian packages: librdkit-dev and libboost-dev (RDKit 2022.09.3 headers and libraries),
#     cmake and g++ (the native bridge), python3-rdkit (the benchmarks' baseline and cross-checks),
#     libjemalloc2 (the allocator dyereg runs RDKit on: see src/DyeRegistry.Cli/Hosting/NativeAllocator.cs),
#     postgresql-15 and postgresql-15-rdkit (the PostgreSQL store's tests run a throw-away cluster
#     with the RDKit cartridge: scripts/test-postgres.sh)
#   - chromium: the browser tests (issue 17) and chart PDFs (issue 21) drive Debian's chromium
#     through Playwright (never a browser download), poppler-utils (pdftoppm/pdftotext, to look at a chart's pages)
#   - libcairo2-dev: RDKit's PNG drawer (MolDraw2DCairo) includes cairo.h; the bridge draws Word depictions with it
#   - redis-server (the cluster tests' membership and job ledger: scripts/test-redis.sh)
#   - the .NET SDK must already be on PATH (it is on the build machines; see README.md)
# Sourced or run by setup.sh and test.sh. Prints what it does; fails with a clear message.
set -euo pipefail

need_packages=()
for pkg in librdkit-dev libboost-dev cmake g++ python3-rdkit libjemalloc2 postgresql-15 postgresql-15-rdkit chromium poppler-utils redis-server libcairo2-dev; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    need_packages+=("$pkg")
  fi
done

if [ ${#need_packages[@]} -gt 0 ]; then
  echo "bootstrap: installing Debian packages: ${need_packages[*]}"
  sudo_cmd=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: need root (or sudo) to install ${need_packages[*]}" >&2; exit 1; }
    sudo_cmd="sudo"
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -qq
  $sudo_cmd apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
else
  echo "bootstrap: Debian packages present (librdkit-dev libboost-dev cmake g++ python3-rdkit libjemalloc2 postgresql-15 postgresql-15-rdkit chromium poppler-utils redis-server libcairo2-dev)"
fi

if ! command -v dotnet >/dev/null; then
  echo "bootstrap: the .NET 10 SDK (dotnet) is not on PATH; install it first (see README.md)" >&2
  exit 1
fi
