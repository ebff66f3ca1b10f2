#!/usr/bin/env bash
# Fault runs: the fault tests of tests/Routing.Server.Tests/Crash repeated, each run a new random traffic seed,
# against real server processes, a real PostgreSQL and the invariant checker (RouterInvariants: no contact lost,
# none accepted twice, no agent over capacity):
#   - kill -9 of the server under traffic (SQLite and PostgreSQL), and of one of two clustered silos,
#   - the store stopped for 30 s under traffic and started again,
#   - a hung silo (SIGSTOP) in a two-silo cluster, with the shipped membership settings,
# then the overload run of the load generator (bench/Routing.Bench --overload-callers).
#
#   bash tests/fault-runs/run.sh            # 10 rounds of every fault test, overload at 160 callers for 60 s
#   bash tests/fault-runs/run.sh --quick    # 1 round of the kill -9 and store-outage tests, a 10 s overload smoke
#
# Needs PostgreSQL for the tests (ROUTING_TEST_POSTGRES, see tools/postgres-test-env.sh). Exits non-zero when any
# round fails; prints one line per round and the totals.
set -uo pipefail
cd "$(dirname "$0")/../.."

rounds=10
filter='FullyQualifiedName~Routing.Server.Tests.Crash'
overload=(--contacts 2000 --warm-up 2000 --agents 100 --queues 10 --callers 16 --overload-callers 160 --overload-seconds 60)
if [ "${1:-}" = "--quick" ]; then
  rounds=1
  filter='FullyQualifiedName~SqliteServerCrashTests|FullyQualifiedName~PostgreSqlStoreOutageTests|FullyQualifiedName~ContactOutcomeAfterKillTests'
  overload=(--contacts 200 --warm-up 100 --agents 10 --queues 2 --callers 4 --baseline-seconds 1 --overload-callers 40 --overload-seconds 10)
fi

dotnet build Routing.sln >/dev/null || { echo "build failed" >&2; exit 1; }
failed_rounds=0
for round in $(seq 1 "$rounds"); do
  log="$(mktemp)"
  dotnet test tests/Routing.Server.Tests --no-build --filter "$filter" >"$log" 2>&1
  status=$?
  summary="$(grep -E '^(Passed|Failed)!' "$log" | tail -1)"
  echo "round ${round}/${rounds}: ${summary:-no summary (exit ${status})}"
  if [ "$status" -ne 0 ]; then
    failed_rounds=$((failed_rounds + 1))
    grep -E '^\s+Failed |Error Message' -A3 "$log" | head -40 >&2
  fi
  rm -f "$log"
done

if ! dotnet run -c Release --project bench/Routing.Bench -- "${overload[@]}"; then
  echo "the overload run failed" >&2
  failed_rounds=$((failed_rounds + 1))
fi

echo "fault runs: ${rounds} rounds, ${failed_rounds} failed"
[ "$failed_rounds" -eq 0 ]
