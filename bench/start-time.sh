#!/usr/bin/env bash
# Server start time: launches `java -jar JAR serve` on a fresh data directory and times the launch to the first
# 200 of GET /api/openapi.json, RUNS times (default 3). Usage: bench/start-time.sh [JAR] [PORT] [RUNS]
set -euo pipefail
JAR=${1:-app/target/openapheresis.jar}
PORT=${2:-8399}
RUNS=${3:-3}
for i in $(seq "$RUNS"); do
  DATA=$(mktemp -d)
  java -jar "$JAR" serve --port "$PORT" --data "$DATA/data" > "$DATA/log" 2>&1 &
  PID=$!
  T0=$(date +%s%N)
  until curl -sf -o /dev/null "localhost:$PORT/api/openapi.json"; do sleep 0.05; done
  T1=$(date +%s%N)
  echo "run $i: $(( (T1 - T0) / 1000000 )) ms"
  kill "$PID"; wait "$PID" 2>/dev/null || true
  rm -rf "$DATA"
done
