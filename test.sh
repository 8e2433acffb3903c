#!/usr/bin/env bash
# Runs every test: the main suite and the Validation category (real data in ../shared; reported
# as skipped, with the reason, when ../shared is absent). Installs and builds what is missing
# first, like setup.sh. Starts a throw-away PostgreSQL cluster for the PostgreSQL store's tests
# (scripts/test-postgres.sh; DYEREG_TEST_POSTGRES) and stops it at the end; if it cannot start,
# the run fails and says why. Ends with the totals line "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
scripts/bootstrap.sh || exit 1
results="$(pwd)/artifacts/test-results"
rm -rf "$results"
scripts/build-web.sh || { echo "0 passed, 1 failed"; echo "test: the pages' front-end build (scripts/build-web.sh) failed" >&2; exit 1; }
dotnet build DyeRegistry.sln -c Release -nologo -v quiet || { echo "0 passed, 1 failed"; echo "test: build failed" >&2; exit 1; }
trap 'scripts/test-postgres.sh stop; scripts/test-redis.sh stop' EXIT
DYEREG_TEST_POSTGRES="$(scripts/test-postgres.sh start)" || { echo "0 passed, 1 failed"; echo "test: the PostgreSQL test cluster did not start (reason above): the PostgreSQL store's tests cannot run" >&2; exit 1; }
export DYEREG_TEST_POSTGRES
# The cluster tests' Redis (membership and job ledger): started the same way, a failure fails the run.
DYEREG_TEST_REDIS="$(scripts/test-redis.sh start)" || { echo "0 passed, 1 failed"; echo "test: the Redis server for the cluster tests did not start (reason above): the cluster tests cannot run" >&2; exit 1; }
export DYEREG_TEST_REDIS
dotnet test DyeRegistry.sln -c Release --no-build -nologo --logger "trx" --results-directory "$results" "$@"
status=$?

passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -E 's/.* passed="([0-9]+)".*/\1/')
  f=$(echo "$counters" | sed -E 's/.* failed="([0-9]+)".*/\1/')
  t=$(echo "$counters" | sed -E 's/.* total="([0-9]+)".*/\1/')
  e=$(echo "$counters" | sed -E 's/.* executed="([0-9]+)".*/\1/')
  n=$((t - e))  # a skipped test is neither executed nor counted as notExecuted in a trx file
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + n))
done
if [ ! -d ../shared/data ] && [ -z "${DYEREG_SHARED:-}" ]; then
  echo "test: ../shared is absent: the Validation tests (real catalogue data) did NOT run; they are counted as skipped."
fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  failed=1  # the runner failed without a counted failure (a crashed test host): never report green
  echo "test: dotnet test exited with $status" >&2
fi
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
