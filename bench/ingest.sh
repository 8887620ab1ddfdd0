#!/usr/bin/env bash
# Full ingest of a generated GWIA queue, then an unchanged rescan, through the real application
# (declared QUEUE source, heap capped at 512 MB), on H2 (default) or PostgreSQL.
#
#   bench/ingest.sh [h2|postgres] [messages] [folder]
#
# Reports files/s of the first scan and the duration of the rescan, both taken from the
# application's own log lines ("Scan N of source ... started" / "... SUCCEEDED: ...").
# PostgreSQL: a fresh database quench_bench on 127.0.0.1:5432 (user postgres, trust auth).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
messages=${2:-1000000}
folder=${3:-/tmp/quench-bench-ingest-$messages}
jar=${QUENCH_BENCH_JAR:-target/quench.jar}
heap=${QUENCH_BENCH_HEAP:-512m}
# Extra JVM options, e.g. QUENCH_BENCH_JAVA_OPTS="-XX:StartFlightRecording=filename=/tmp/ingest.jfr"
read -r -a java_opts <<<"${QUENCH_BENCH_JAVA_OPTS:-}"

[ -f "$jar" ] || ./mvnw -q -DskipTests package
if [ ! -f "$folder/manifest.json" ]; then
	echo "generating $messages messages into $folder"
	java -jar "$jar" generate --out "$folder" --messages "$messages" --days 5 --seed 42
fi
files=$(find "$folder/gwia" -type f | wc -l)
work=$(mktemp -d)
log="$work/quench.log"
env=()
if [ "$db" = postgres ]; then
	psql -q -h 127.0.0.1 -U postgres -d postgres -c 'drop database if exists quench_bench' -c 'create database quench_bench'
	env+=("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/quench_bench?user=postgres")
fi
echo "ingesting $files files on $db with -Xmx$heap (log: $log)"
env "${env[@]}" QUENCH_ADMIN_PASSWORD=bench-only-password java "-Xmx$heap" -XX:+ExitOnOutOfMemoryError "${java_opts[@]}" -jar "$jar" \
	--quench.data-dir="$work/data" --server.port=0 \
	--quench.sources[0].name=bench --quench.sources[0].kind=QUEUE \
	--quench.sources[0].path="$folder/gwia" --quench.sources[0].zone=Europe/Berlin \
	--quench.sources[0].rescan=15s >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work/data"' EXIT

wait_for() {
	local pattern=$1
	until grep -q "$pattern" "$log"; do
		if ! kill -0 $pid 2>/dev/null; then
			echo "quench stopped:"; tail -20 "$log"; exit 1
		fi
		sleep 1
	done
}
seconds_between() { # log line patterns -> seconds between their timestamps
	python3 - "$log" "$1" "$2" <<'PY'
import sys, re, datetime
log, a, b = sys.argv[1:]
def stamp(pattern):
    for line in open(log, encoding="utf-8", errors="replace"):
        if re.search(pattern, line):
            return datetime.datetime.fromisoformat(line.split()[0].replace("Z", "+00:00"))
print("%.1f" % (stamp(b) - stamp(a)).total_seconds())
PY
}

wait_for "Scan 1 of source 'bench' SUCCEEDED"
first=$(seconds_between "Scan 1 of source 'bench'.*started" "Scan 1 of source 'bench' SUCCEEDED")
wait_for "Scan 2 of source 'bench' SUCCEEDED"
rescan=$(seconds_between "Scan 2 of source 'bench'.*started" "Scan 2 of source 'bench' SUCCEEDED")
grep "of source 'bench' SUCCEEDED" "$log" | sed 's/^.*Scan/Scan/'
grep "Queue scan" "$log" | sed 's/^.*Queue scan/Queue scan/'
if grep -q OutOfMemoryError "$log"; then echo "OutOfMemoryError!"; exit 1; fi
python3 -c "print('db=%s files=%d first-scan=%ss (%.0f files/s) unchanged-rescan=%ss heap=%s' % ('$db', $files, '$first', $files / max(0.1, float('$first')), '$rescan', '$heap'))"
