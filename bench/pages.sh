#!/usr/bin/env bash
# Page latency of Suspects and Top senders with a large incident loaded, and re-ranking after a
# threshold change (issue 4 acceptance), through the real application on H2 (default) or PostgreSQL.
#
#   bench/pages.sh [h2|postgres] [messages] [log-events] [folder]
#
# 1. builds target/quench.jar if missing;
# 2. generates an incident of <messages> queue files (seed 42, 5 days) with the generator, unless
#    <folder>/manifest.json exists, and ingests it (queue, POA and GWIA logs, directory) as declared
#    sources, like bench/ingest.sh;
# 3. stops the application and tops log_event up to <log-events> rows with one INSERT ... SELECT over a
#    generated series (generating 10^7 POA log lines and parsing them would take far longer than the
#    pages being measured): LOGIN_SUCCESS (1 in 20 LOGIN_FAILURE) events of the directory's accounts in
#    turn, at times spread over the incident's log window, from 4 addresses in one /24 per account,
#    platforms winnt/imap/soap, source = the POA source; the rows look like parsed POA lines
#    (file_name bench-synthetic.poa, raw 'synthetic bench event');
# 4. starts the application again (heap QUENCH_BENCH_HEAP, default 1g), signs in as admin, requests
#    /suspects and /senders, full page and htmx fragment: the first request of each (cold: the
#    evidence is collected), 5 warm-up requests, then RUNS (default 50) timed requests each, and
#    prints p50/p95/max;
# 5. changes human-logins-per-minute on /settings/ranking and times the POST and the next /suspects,
#    then resets it and times /suspects again.
# QUENCH_BENCH_REUSE=<work folder of an earlier run> measures again on what that run loaded (its H2
# files, or the database quench_pages as it is) with the current jar: step 2 is skipped (step 3 adds
# only what is missing).
# PostgreSQL: a fresh database quench_pages on 127.0.0.1:5432 (user postgres, trust auth).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
messages=${2:-1000000}
events=${3:-10000000}
folder=${4:-/tmp/quench-bench-pages-$messages}
jar=${QUENCH_BENCH_JAR:-target/quench.jar}
heap=${QUENCH_BENCH_HEAP:-1g}
export RUNS=${RUNS:-50}
password=bench-only-password

echo "load before: $(uptime)"
[ -f "$jar" ] || ./mvnw -q -DskipTests package
if [ ! -f "$folder/manifest.json" ]; then
	echo "generating $messages messages into $folder"
	java -jar "$jar" generate --out "$folder" --messages "$messages" --days 5 --seed 42
fi
reuse=${QUENCH_BENCH_REUSE:-}
work=${reuse:-$(mktemp -d)}
log="$work/quench.log"
env=(QUENCH_ADMIN_PASSWORD=$password)
if [ "$db" = postgres ]; then
	[ -n "$reuse" ] || psql -q -h 127.0.0.1 -U postgres -d postgres -c 'drop database if exists quench_pages' -c 'create database quench_pages'
	env+=("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/quench_pages?user=postgres")
fi
pid=
start() {
	: >"$log"
	env "${env[@]}" java "-Xmx$heap" -XX:+ExitOnOutOfMemoryError -jar "$jar" \
		--quench.data-dir="$work/data" --server.port=0 \
		--quench.sources[0].name=queue --quench.sources[0].kind=QUEUE \
		--quench.sources[0].path="$folder/gwia" --quench.sources[0].zone=Europe/Berlin \
		--quench.sources[0].rescan=manual \
		--quench.sources[1].name=directory --quench.sources[1].kind=DIRECTORY \
		--quench.sources[1].path="$folder/directory.csv" --quench.sources[1].zone=Europe/Berlin \
		--quench.sources[1].rescan=manual \
		--quench.sources[2].name=poa --quench.sources[2].kind=POA_LOG \
		--quench.sources[2].path="$folder/poa" --quench.sources[2].zone=Europe/Berlin \
		--quench.sources[2].rescan=manual \
		--quench.sources[3].name=gwia-log --quench.sources[3].kind=GWIA_LOG \
		--quench.sources[3].path="$folder/gwia-log" --quench.sources[3].zone=Europe/Berlin \
		--quench.sources[3].rescan=manual >>"$log" 2>&1 &
	pid=$!
}
stop() {
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
}
trap 'stop' EXIT
wait_for() { # pattern [count]
	local pattern=$1 count=${2:-1}
	until [ "$(grep -c "$pattern" "$log")" -ge "$count" ]; do
		if ! kill -0 "$pid" 2>/dev/null; then
			echo "quench stopped:"; tail -20 "$log"; exit 1
		fi
		sleep 1
	done
}

if [ -z "$reuse" ]; then
echo "ingesting $folder on $db (log: $log)"
start
SECONDS=0
wait_for "Scan [0-9]* of source '.*' [A-Z]*:" 4
grep "Scan [0-9]* of source" "$log" | grep -v started | sed 's/^.*Scan/Scan/'
echo "ingested in ${SECONDS}s"
stop
fi

if [ "$db" = postgres ]; then
	sql=(psql -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -U postgres -d quench_pages)
	series="generate_series(1, :n::bigint) as r(x)"
	shift_time="w.t0 + make_interval(secs => mod(r.x * 7919, w.span))"
	span="greatest(1, extract(epoch from max(at) - min(at))::bigint)"
else
	h2=$(unzip -Z1 "$jar" | grep 'BOOT-INF/lib/h2-.*\.jar')
	unzip -q -o -j "$jar" "$h2" -d "$work"
	h2jar="$work/$(basename "$h2")"
	sql=(java -cp "$h2jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/data/quench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" -user sa -password "")
	series="(select \"X\" as x from system_range(1, :n)) as r"
	shift_time="dateadd('SECOND', mod(r.x * 7919, w.span), w.t0)"
	span="greatest(1, datediff('SECOND', min(at), max(at)))"
fi
have=$("${sql[@]}" -sql "select count(*) from log_event" 2>/dev/null | grep -E '^[0-9]+$' | head -1 || true)
if [ "$db" = postgres ]; then
	have=$(psql -At -h 127.0.0.1 -U postgres -d quench_pages -c 'select count(*) from log_event')
fi
missing=$((events - have))
echo "log_event has $have rows; adding $missing synthetic ones"
if [ "$missing" -gt 0 ]; then
	cat >"$work/events.sql" <<SQL
create table bench_account as select row_number() over (order by id) - 1 as k, gw_id, network_id from directory_account;
create index bench_account_k on bench_account (k);
insert into log_event (source_id, at, log_kind, event_type, gw_id, network_id, ip, platform,
	file_name, line_number, byte_offset, raw)
select p.id, $shift_time, 'POA',
	case when mod(r.x, 20) = 0 then 'LOGIN_FAILURE' else 'LOGIN_SUCCESS' end,
	a.gw_id, a.network_id,
	concat('10.', mod(a.k, 250), '.', mod(a.k / 250, 250), '.', mod(r.x, 4) + 1),
	case mod(r.x, 3) when 0 then 'winnt' when 1 then 'imap' else 'soap' end,
	'bench-synthetic.poa', r.x, 0, 'synthetic bench event'
from $series
join (select count(*) as c from bench_account) c on true
join bench_account a on a.k = mod(r.x, c.c)
cross join (select min(at) as t0, $span as span from log_event) w
cross join (select min(id) as id from source where kind = 'POA_LOG') p;
drop table bench_account;
SQL
	sed -i "s/:n::bigint/$missing::bigint/; s/:n)/$missing)/" "$work/events.sql"
	SECONDS=0
	if [ "$db" = postgres ]; then
		"${sql[@]}" -f "$work/events.sql"
		psql -q -h 127.0.0.1 -U postgres -d quench_pages -c 'analyze'
	else
		java -cp "$h2jar" org.h2.tools.RunScript -url "jdbc:h2:file:$work/data/quench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" -user sa -password "" -script "$work/events.sql"
	fi
	echo "inserted in ${SECONDS}s"
fi

start
wait_for "Tomcat started on port"
# Declared sources are scanned again at start-up (unchanged rescans): let them end, so that their
# IngestRunFinished does not drop the evidence in the middle of the measurement.
wait_for "Scan [0-9]* of source '.*' [A-Z]*:" 4
port=$(grep -o "Tomcat started on port [0-9]*" "$log" | grep -o '[0-9]*$')
echo "pages on $db: $messages queue files, $events log events, heap $heap, port $port"
python3 bench/pages.py "http://127.0.0.1:$port" admin "$password"
if grep -q OutOfMemoryError "$log"; then echo "OutOfMemoryError!"; exit 1; fi
echo "load after: $(uptime)"
