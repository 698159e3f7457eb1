#!/usr/bin/env bash
# One load run that compares the server with its own database, on this machine, in one go:
# PostgreSQL's single-row durable INSERT rate (pgbench) against durable run-value writes, and the
# authentication-only rate (GET /api/me) against an audited read (GET /api/sessions/{id}) and a plan
# (POST /api/plans). Prints each rate with p50/p99 and the ratios the server is held to (docs/benchmarks.md).
#
# Needs: a JDK 17, wrk and pgbench (apt-get install -y wrk postgresql-client). Usage:
#   bench/load-run.sh [SECONDS] [CONNECTIONS] [JIT_WARMUP]
# (default 20 s measured after a 5 s warm-up each, 16 connections; before any of it, JIT_WARMUP seconds (default
# 60) of load spread over the server's targets, so that what is measured is the compiled server a unit runs for
# days, not its first minute of interpretation and compilation)
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_MEASURED="${1:-20}"
CONNECTIONS="${2:-16}"
JIT_WARMUP="${3:-60}"
WARMUP=5
for tool in wrk pgbench psql; do
  command -v "$tool" >/dev/null || { echo "load-run: $tool is missing (apt-get install -y wrk postgresql-client)"; exit 2; }
done
OUT="$(mktemp -d)"
# one reactor run (nothing installed): the server's class path names core/target/classes, the module compiled here
./mvnw -q -B -o -pl core,server test-compile dependency:build-classpath -DskipTests -Dmdep.outputFile="$OUT/cp.txt" \
  -Dmdep.includeScope=test >/dev/null || { echo "load-run: the build failed (run it online once: drop -o)"; exit 1; }
CP="server/target/test-classes:server/target/classes:core/target/classes:$(cat "$OUT/cp.txt")"
SERVE_FOR=$(( (SECONDS_MEASURED + WARMUP) * 5 + JIT_WARMUP + 60 ))
java -Xmx512m -cp "$CP" org.openapheresis.server.load.LoadRun ratios postgresql "$SERVE_FOR" 0 > "$OUT/server.txt" 2>"$OUT/server.err" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do grep -q READY "$OUT/server.txt" 2>/dev/null && break; sleep 1; done
grep -q READY "$OUT/server.txt" || { echo "load-run: the server did not start"; cat "$OUT/server.err"; exit 1; }

read -r _ PGPORT PGUSER PGDB < <(grep '^PGBENCH' "$OUT/server.txt")
psql -q -h localhost -p "$PGPORT" -U "$PGUSER" -d "$PGDB" -c \
  "CREATE TABLE IF NOT EXISTS load_run_insert (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), v int NOT NULL)"
echo 'INSERT INTO load_run_insert (v) VALUES (1);' > "$OUT/insert.sql"
pgbench -n -h localhost -p "$PGPORT" -U "$PGUSER" -c "$CONNECTIONS" -j 2 -T "$WARMUP" -f "$OUT/insert.sql" "$PGDB" >/dev/null 2>&1
pgbench -n -h localhost -p "$PGPORT" -U "$PGUSER" -c "$CONNECTIONS" -j 2 -T "$SECONDS_MEASURED" -f "$OUT/insert.sql" \
  "$PGDB" > "$OUT/pgbench.txt" 2>&1
PG_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$OUT/pgbench.txt" | head -1)
PG_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' "$OUT/pgbench.txt" | head -1)

targets=$(grep -c '^TARGET' "$OUT/server.txt")
while read -r _ name method url token body; do
  if [ "$method" = POST ]; then script=server/src/test/resources/load/post.lua; args=(-- "$token" "$body");
  else script=server/src/test/resources/load/get.lua; args=(-- "$token"); fi
  wrk -t2 -c"$CONNECTIONS" -d"$(( JIT_WARMUP / targets + 1 ))s" -s "$script" "$url" "${args[@]}" >/dev/null
done < <(grep '^TARGET' "$OUT/server.txt")

declare -A RATE P50 P99
while read -r _ name method url token body; do
  if [ "$method" = POST ]; then script=server/src/test/resources/load/post.lua; args=(-- "$token" "$body");
  else script=server/src/test/resources/load/get.lua; args=(-- "$token"); fi
  wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" -s "$script" "$url" "${args[@]}" >/dev/null
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_MEASURED}s" -s "$script" "$url" "${args[@]}" | grep '^requests')
  bad=$(sed -n 's/.*non-2xx\/3xx \([0-9]*\).*/\1/p' <<<"$line")
  [ "$bad" = 0 ] || { echo "load-run: $name answered $bad non-2xx requests: $line"; exit 1; }
  RATE[$name]=$(sed -n 's/.*rate \([0-9.]*\) req.*/\1/p' <<<"$line")
  P50[$name]=$(sed -n 's/.*p50 \([0-9.]*\) ms.*/\1/p' <<<"$line")
  P99[$name]=$(sed -n 's/.*p99 \([0-9.]*\) ms.*/\1/p' <<<"$line")
done < <(grep '^TARGET' "$OUT/server.txt")

HEAP=$(jcmd "$SERVER" GC.heap_info 2>/dev/null | sed -n 's/.*total \([0-9]*K\), used \([0-9]*K\).*/used \2 of \1/p' | head -1)

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f %%", 100 * a / b }'; }
echo "Load run $(date -u +%FT%TZ): $CONNECTIONS connections, ${SECONDS_MEASURED} s measured after ${WARMUP} s (and ${JIT_WARMUP} s of JIT warm-up), $(nproc) cores"
printf '%-52s %10s %9s %9s\n' "what" "rate/s" "p50 ms" "p99 ms"
printf '%-52s %10s %9s %9s\n' "PostgreSQL one-row durable INSERT (pgbench)" "$PG_TPS" "avg $PG_LAT" ""
printf '%-52s %10s %9s %9s\n' "POST /api/sessions/{id}/run-values (one sample)" "${RATE[run-values]}" "${P50[run-values]}" "${P99[run-values]}"
printf '%-52s %10s %9s %9s\n' "GET /api/sessions/{id} (audited read)" "${RATE[session-read]}" "${P50[session-read]}" "${P99[session-read]}"
printf '%-52s %10s %9s %9s\n' "POST /api/plans (MS example)" "${RATE[plans]}" "${P50[plans]}" "${P99[plans]}"
printf '%-52s %10s %9s %9s\n' "GET /api/me (authentication only)" "${RATE[me]}" "${P50[me]}" "${P99[me]}"
echo "run-value writes / PostgreSQL inserts: $(ratio "${RATE[run-values]}" "$PG_TPS")   (aim >= 50 %, p99 < 25 ms)"
echo "audited reads / authentication only:   $(ratio "${RATE[session-read]}" "${RATE[me]}")   (aim >= 60 %)"
echo "plans / authentication only:           $(ratio "${RATE[plans]}" "${RATE[me]}")   (aim >= 75 %)"
echo "server heap after the load (-Xmx512m): ${HEAP:-not read}"
