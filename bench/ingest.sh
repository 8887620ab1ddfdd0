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
# When the unchanged rescan starts after the first scan. After a first scan the application
# computes the ranking's evidence and the page tables again in the background (on H2 at 10^6
# files for a minute or more); a rescan started meanwhile shares the two cores with them. 240s
# measures the rescan on its own.
rescan_after=${QUENCH_BENCH_RESCAN:-15s}

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
	--quench.sources[0].rescan="$rescan_after" >"$log" 2>&1 &
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

cpu_seconds() { # CPU seconds (user + system) of the JVM, and of PostgreSQL's backends for quench_bench
	local jvm backends=0 p
	jvm=$(awk '{print $14 + $15}' "/proc/$pid/stat")
	awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f %.1f\n", $14 / hz, $15 / hz}' "/proc/$pid/stat" >>"$work/user-system"
	for p in $(pgrep -f "postgres: .* quench_bench " || true); do
		backends=$((backends + $(awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo 0)))
	done
	echo "$jvm $backends" | awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f %.1f", $1 / hz, $2 / hz}'
}
wait_for "Scan 1 of source 'bench'.*started"
read -r jvm0 db0 <<<"$(cpu_seconds)"
until grep -q "Scan 1 of source 'bench' SUCCEEDED" "$log"; do
	kill -0 $pid 2>/dev/null || { echo "quench stopped:"; tail -20 "$log"; exit 1; }
	sleep 0.2
done
read -r jvm1 db1 <<<"$(cpu_seconds)"
echo "CPU of the JVM's threads at the end of the first scan (per-run pools have ended; their time is in the total below):"
for t in /proc/$pid/task/*; do
	echo "$(awk '{print $14 + $15}' "$t/stat") $(cat "$t/comm")"
done | awk -v hz="$(getconf CLK_TCK)" '{n = $1; $1 = ""; a[$0] += n} END {for (k in a) if (a[k] > hz / 10) printf "%8.1f s %s\n", a[k] / hz, k}' | sort -rn | head -8
load=$(cut -d' ' -f1-3 /proc/loadavg)
first=$(seconds_between "Scan 1 of source 'bench'.*started" "Scan 1 of source 'bench' SUCCEEDED")
wait_for "Scan 2 of source 'bench' SUCCEEDED"
rescan=$(seconds_between "Scan 2 of source 'bench'.*started" "Scan 2 of source 'bench' SUCCEEDED")
grep "of source 'bench' SUCCEEDED" "$log" | sed 's/^.*Scan/Scan/'
# What the pages compute after the first scan (Top senders, the ranking's evidence), if done before the rescan:
grep "computed in" "$log" | sed 's/^.*BackgroundCache *: //' | cut -c1-160 || true
# The first scan's rate per 100,000 files (the application logs one line per 100,000 written):
# the first ones include the JIT compiling the parser and H2 on a fresh JVM.
echo "first scan, files/s per 100,000 files written: $(grep "Queue scan 1: .* files written" "$log" | sed 's/.*written, \([0-9]*\) files.*/\1/' | tr '\n' ' ')"
grep "Queue scan" "$log" | sed 's/^.*Queue scan/Queue scan/'
if grep -q OutOfMemoryError "$log"; then echo "OutOfMemoryError!"; exit 1; fi
python3 -c "print('db=%s files=%d first-scan=%ss (%.0f files/s) unchanged-rescan=%ss heap=%s' % ('$db', $files, '$first', $files / max(0.1, float('$first')), '$rescan', '$heap'))"
read -r user0 system0 user1 system1 <<<"$(tr '\n' ' ' <"$work/user-system")"
python3 -c "j = $jvm1 - $jvm0; d = $db1 - $db0; print('first scan CPU: JVM %.1f s (%.0f us/file; user %.1f s, system %.1f s), PostgreSQL backends %.1f s (%.0f us/file); load average at its end: %s' % (j, j * 1e6 / $files, $user1 - $user0, $system1 - $system0, d, d * 1e6 / $files, '$load'))"
