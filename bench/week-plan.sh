#!/usr/bin/env bash
# The week's scheduling benchmark: a unit of 6 machines, 8 chairs and 10 nurses with 150 sessions in a week
# (seeded, made up by server/src/test/.../schedule/RandomUnit.java), solved for a spent limit, printing the best
# score over time and when the hard score first reached zero; then one urgent plasma exchange added to the week as
# booked and re-planned, with the booked sessions it moved. Each plan is checked again by the independent check.
#
# Usage: bench/week-plan.sh [SEED] [LIMIT_SECONDS] [REPLAN_SECONDS]   (default 17 10 2)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT="$(mktemp -d)"
./mvnw -q -B -o -pl core,server test-compile -DskipTests >/dev/null
./mvnw -q -B -o -pl server dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="server/target/test-classes:server/target/classes:core/target/classes:$(cat "$OUT/cp.txt")"
java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$CP" org.openapheresis.server.schedule.WeekBenchmark \
  "${1:-17}" "${2:-10}" "${3:-2}"
