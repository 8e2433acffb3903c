#!/usr/bin/env bash
# The main job on a fresh Debian machine: install what is missing, build everything (native
# RDKit bridge and .NET), then show DyeRegistry at work on the sample dyes and records.
set -euo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh
scripts/build-web.sh
echo "setup: building (native bridge via CMake, then .NET, Release)"
dotnet build DyeRegistry.sln -c Release -nologo -v quiet
dyereg="src/DyeRegistry.Cli/bin/Release/net10.0/dyereg"
echo
"$dyereg" version
echo
echo "\$ dyereg inspect samples/dyes.smi"
"$dyereg" inspect samples/dyes.smi --keep-going
echo
echo "\$ dyereg scope --ink-file samples/records.json --medium MED-1 --claim 001:2 --claim 001:3"
"$dyereg" scope --ink-file samples/records.json --medium MED-1 --claim 001:2 --claim 001:3 --registry "$(mktemp -u)"
echo
echo
echo "setup: packaging (self-contained publish, Debian package)"
scripts/build-deb.sh
echo "setup: done. Run the program as $dyereg (or: dotnet run --project src/DyeRegistry.Cli -- --help),"
echo "       or install it: apt-get install ./artifacts/deb/dyereg_*_amd64.deb (then: dyereg version)"
