#!/usr/bin/env bash
# Kills Quench (kill -9) in the middle of scans on the embedded H2 database, starts it again, lets
# the scans finish and checks the end state against the generator's manifest (queue) or against a
# clean ingest of the same logs (logs). A fault check, not a timing: docs/faults.md.
#
#   bench/crash-restart.sh queue [kills] [messages]   # GWIA queue, 1,000,000 files by default
#   bench/crash-restart.sh logs [kills]               # the incident's POA and GWIA logs
#
# Each kill lands 3 to 27 s (queue) or 3 to 17 s (logs) after the scans started. The incident
# is generated into /tmp/quench-bench-ingest-<messages> when missing (as bench/ingest.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-queue}
kills=${2:-3}
messages=${3:-1000000}
tree=/tmp/quench-bench-ingest-$messages
jar=${QUENCH_BENCH_JAR:-target/quench.jar}
[ -f "$jar" ] || ./mvnw -q -DskipTests package
if [ ! -f "$tree/manifest.json" ]; then
	java -jar "$jar" generate --out "$tree" --messages "$messages" --days 5 --seed 42
fi
h2=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-2.4.*.jar' | sort | tail -1)
work=$(mktemp -d)
trap 'pkill -9 -f "quench.data-dir=$work" || true; rm -rf "$work"' EXIT

if [ "$mode" = queue ]; then
	sources=(--quench.sources[0].name=queue --quench.sources[0].kind=QUEUE --quench.sources[0].path="$tree/gwia"
		--quench.sources[0].zone=Europe/Berlin)
	scans=1 max_delay=25
else
	sources=(--quench.sources[0].name=poa --quench.sources[0].kind=POA_LOG --quench.sources[0].path="$tree/poa"
		--quench.sources[0].zone=Europe/Berlin --quench.sources[1].name=gwialog --quench.sources[1].kind=GWIA_LOG
		--quench.sources[1].path="$tree/gwia-log" --quench.sources[1].zone=Europe/Berlin)
	scans=2 max_delay=15
fi

start() { # data folder
	QUENCH_ADMIN_PASSWORD=bench-only-password java -Xmx512m -XX:+ExitOnOutOfMemoryError -jar "$jar" \
		--quench.data-dir="$1" --server.port=0 "${sources[@]}" >>"$1/quench.log" 2>&1 &
	pid=$!
}
count() { grep -c "$1" "$2" 2>/dev/null || true; }
finish() { # data folder: start, wait until the declared sources' scans succeeded, stop
	local before
	before=$(count "SUCCEEDED" "$1/quench.log")
	start "$1"
	until [ "$(count "SUCCEEDED" "$1/quench.log")" -ge $((${before:-0} + scans)) ]; do
		kill -0 $pid 2>/dev/null || { echo "quench stopped:"; tail -20 "$1/quench.log"; exit 1; }
		sleep 1
	done
	kill $pid
	wait $pid || true
}
sql() { # data folder, statements
	java -cp "$h2" org.h2.tools.Shell -url "jdbc:h2:file:$1/quench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" \
		-user sa -password "" -sql "$2"
}

data=$work/killed
mkdir -p "$data"
for k in $(seq 1 "$kills"); do
	before=$(count "IngestCoordinator.*started by" "$data/quench.log")
	start "$data"
	until [ "$(count "IngestCoordinator.*started by" "$data/quench.log")" -gt "${before:-0}" ]; do
		kill -0 $pid 2>/dev/null || { echo "quench stopped:"; tail -20 "$data/quench.log"; exit 1; }
		sleep 0.2
	done
	delay=$((RANDOM % max_delay + 3))
	sleep $delay
	kill -9 $pid
	wait $pid 2>/dev/null || true
	echo "kill -9 number $k, ${delay} s after the scans started"
done
finish "$data"
grep -E "still marked running|SUCCEEDED|FAILED" "$data/quench.log" | sed 's/^.*IngestCoordinator *: //'

if [ "$mode" = queue ]; then
	sql "$data" "select 'files|' || count(*) || '|' || count(distinct rel_path) from queue_message;
		select sender || '|' || folder || '|' || count(*) from queue_message
		where gone_at is null and sender is not null group by sender, folder" >"$work/db.txt"
	python3 - "$tree/manifest.json" "$work/db.txt" "$(find "$tree/gwia" -type f | wc -l)" <<'PY'
import collections, json, sys
manifest = json.load(open(sys.argv[1]))["senderCounts"]
db = collections.defaultdict(lambda: {"send": 0, "defer": 0})
for line in open(sys.argv[2]):
    parts = [p.strip() for p in line.split("|")]
    if len(parts) == 3 and parts[0] == "files":
        rows, paths = int(parts[1]), int(parts[2])
    elif len(parts) == 3 and parts[1] in ("SEND", "DEFER"):
        db[parts[0]][parts[1].lower()] = int(parts[2])
expected = {s: {"send": c["send"], "defer": c["defer"]} for s, c in manifest.items()}
files = int(sys.argv[3])
ok = rows == files and paths == files and dict(db) == expected
print("queue files %d, rows %d, distinct paths %d; senders in the manifest %d, in the database %d, counts %s"
      % (files, rows, paths, len(expected), len(db), "equal" if dict(db) == expected else "DIFFERENT"))
print("PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
PY
else
	query="select s.name || '|' || count(*) || '|' || count(distinct e.file_name || ':' || e.line_number || ':' || e.event_type)
		from log_event e join source s on s.id = e.source_id group by s.name order by s.name"
	sql "$data" "$query" | grep '|' >"$work/killed.txt"
	reference=$work/reference
	mkdir -p "$reference"
	finish "$reference"
	sql "$reference" "$query" | grep '|' >"$work/reference.txt"
	echo "after the kills (source | events | distinct lines):"; cat "$work/killed.txt"
	echo "clean ingest:"; cat "$work/reference.txt"
	if diff -q "$work/killed.txt" "$work/reference.txt" >/dev/null; then echo PASS; else echo FAIL; exit 1; fi
fi
