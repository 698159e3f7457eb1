#!/usr/bin/env bash
# Server start time on an existing database: one untimed start makes the H2 database (and, through the launcher,
# its class data sharing archive), then RUNS timed starts each of `java -jar JAR serve` and of `./openapheresis
# serve` (the launcher, which starts from that archive), from launch to the first 200 of GET /api/openapi.json
# (the API is ready) and of GET /fhir/metadata (the FHIR face, which starts beside it, is ready).
# Usage: bench/start-time.sh [RUNS] [PORT]   (build the jar first: ./mvnw -B -q -pl core,server,app package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
PORT=${2:-8399}
JAR=app/target/openapheresis.jar
[ -f "$JAR" ] || { echo "start-time: $JAR is missing; build it first"; exit 2; }
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
until_200() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "localhost:$PORT$1")" = 200 ]; do sleep 0.02; done; }
start() { # $1 = label, rest = command
  local label=$1; shift
  local t0 t1 t2
  t0=$(date +%s%N)
  "$@" serve --port "$PORT" --data "$DATA/data" > "$DATA/log" 2>&1 &
  local pid=$!
  until_200 /api/openapi.json; t1=$(date +%s%N)
  until_200 /fhir/metadata; t2=$(date +%s%N)
  [ -n "$label" ] && echo "$label: API ready $(( (t1 - t0) / 1000000 )) ms, FHIR ready $(( (t2 - t0) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}
start "" java -jar "$JAR"        # makes the database
start "" ./openapheresis         # writes the launcher's archive when it stops
for i in $(seq "$RUNS"); do start "java -jar, run $i" java -jar "$JAR"; done
for i in $(seq "$RUNS"); do start "./openapheresis, run $i" ./openapheresis; done
