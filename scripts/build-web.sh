#!/usr/bin/env bash
# Builds the pages' front-end packages (web/): npm ci from the committed lockfile (skipped when
# web/node_modules already matches it), then web/build.mjs copies them into web/dist, which the
# .NET build copies beside dyereg as wwwroot/ (served under /assets/lib/). Run by setup.sh and
# test.sh before the .NET build. Without it the pages work, minus the structure editor (Ketcher, bundled by Vite).
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null; then
  echo "build-web: npm is missing; installing Debian's nodejs and npm"
  sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "build-web: npm ci (web/package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
fi
built=dist/ketcher/editor.js
if [ ! -f "$built" ] || [ package-lock.json -nt "$built" ] || [ build.mjs -nt "$built" ] || [ vite.config.js -nt "$built" ] || [ -n "$(find src -newer "$built" -print -quit)" ]; then
  node build.mjs
else
  echo "build-web: web/dist is up to date"
fi
