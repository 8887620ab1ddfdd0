#!/usr/bin/env bash
# Ingests the POA and GWIA logs of a generated incident on H2 (a fresh data folder, heap 512 MB,
# both log sources scanned at once at start-up) and prints when each scan started and ended and
# the process's CPU time at the end (start-up included).
#
#   bench/log-ingest.sh [messages]        # the incident's size; 100000 gives 1.4 million events
set -euo pipefail
cd "$(dirname "$0")/.."
messages=${1:-100000}
jar=${QUENCH_BENCH_JAR:-target/quench.jar}
incident=/tmp/quench-bench-logs-$messages
[ -f "$jar" ] || ./mvnw -q -DskipTests package
[ -f "$incident/manifest.json" ] || java -jar "$jar" generate --out "$incident" --messages "$messages" --days 5 --seed 42 >/dev/null
work=$(mktemp -d)
log=$work/quench.log
QUENCH_ADMIN_PASSWORD=bench-only-password java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" \
	--quench.data-dir="$work/data" --server.port=0 \
	--quench.sources[0].name=gwia --quench.sources[0].kind=GWIA_LOG --quench.sources[0].path="$incident/gwia-log" \
	--quench.sources[0].zone=UTC --quench.sources[0].rescan=manual \
	--quench.sources[1].name=poa --quench.sources[1].kind=POA_LOG --quench.sources[1].path="$incident/poa" \
	--quench.sources[1].zone=UTC --quench.sources[1].rescan=manual >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
until [ "$(grep -c "of source '\(gwia\|poa\)' SUCCEEDED" "$log")" -ge 2 ]; do
	kill -0 $pid 2>/dev/null || { echo "quench stopped:"; tail -20 "$log"; exit 1; }
	sleep 1
done
grep "of source '\(gwia\|poa\)'" "$log" | sed 's/^\([^ ]*\) .*Scan/\1 Scan/'
awk -v hz="$(getconf CLK_TCK)" '{printf "process CPU at the end: %.1f s\n", ($14 + $15) / hz}' "/proc/$pid/stat"
