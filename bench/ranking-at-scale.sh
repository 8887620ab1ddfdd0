#!/usr/bin/env bash
# The acceptance of issue 4 at scale (docs/benchmarks.md, "Ranking at scale"): generate an incident,
# ingest its queue, POA log, GWIA log and directory through the real application (declared sources),
# fetch GET /api/v1/suspects as the bootstrap admin and compare it with the generator's manifest.json:
#
#   - the compromised accounts are exactly the accounts with likelyCompromised = true;
#   - no decoy is likely compromised;
#   - the low-and-slow account is ranked above every decoy (and scores more than each).
#
#   bench/ranking-at-scale.sh [h2|postgres] [messages] [seed]
#
# Prints PASS or FAIL with the details and exits non-zero on FAIL. The incident is generated once into
# $QUENCH_BENCH_FOLDER (default /tmp/quench-ranking-<messages>-<seed>) and kept for the next run (about
# 7 GB for a million messages: remove it afterwards). PostgreSQL: a fresh database quench_scale_<pid> on
# 127.0.0.1:5432 (user postgres, trust auth), dropped at the end. Needs curl and python3.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
messages=${2:-1000000}
seed=${3:-42}
days=${QUENCH_BENCH_DAYS:-5}
folder=${QUENCH_BENCH_FOLDER:-/tmp/quench-ranking-$messages-$seed}
jar=${QUENCH_BENCH_JAR:-target/quench.jar}
heap=${QUENCH_BENCH_HEAP:-1g}
password=bench-only-password

now() { date +%s; }
started=$(now)
echo "load: $(cut -d' ' -f1-3 /proc/loadavg), db=$db messages=$messages seed=$seed days=$days"
[ -f "$jar" ] || ./mvnw -q -DskipTests package
if [ ! -f "$folder/manifest.json" ]; then
	echo "generating: java -jar $jar generate --out $folder --messages $messages --days $days --seed $seed"
	t=$(now)
	java -jar "$jar" generate --out "$folder" --messages "$messages" --days "$days" --seed "$seed"
	echo "generated in $(($(now) - t)) s"
fi

work=$(mktemp -d)
log="$work/quench.log"
cookies="$work/cookies"
touch "$log"
env=()
database=""
if [ "$db" = postgres ]; then
	database=quench_scale_$$
	createdb -h 127.0.0.1 -U postgres "$database"
	env+=("SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/$database?user=postgres")
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "starting quench on $db, port $port, -Xmx$heap (log: $log)"
t=$(now)
env "${env[@]}" QUENCH_ADMIN_PASSWORD=$password java "-Xmx$heap" -XX:+ExitOnOutOfMemoryError -jar "$jar" \
	--quench.data-dir="$work/data" --server.port="$port" --server.address=127.0.0.1 \
	--quench.sources[0].name=directory --quench.sources[0].kind=DIRECTORY \
	--quench.sources[0].path="$folder/directory.csv" --quench.sources[0].zone=Europe/Berlin \
	--quench.sources[0].rescan=manual \
	--quench.sources[1].name=queue --quench.sources[1].kind=QUEUE \
	--quench.sources[1].path="$folder/gwia" --quench.sources[1].zone=Europe/Berlin \
	--quench.sources[1].rescan=manual \
	--quench.sources[2].name=poa --quench.sources[2].kind=POA_LOG \
	--quench.sources[2].path="$folder/poa" --quench.sources[2].zone=Europe/Berlin \
	--quench.sources[2].rescan=manual \
	--quench.sources[3].name=gwia-log --quench.sources[3].kind=GWIA_LOG \
	--quench.sources[3].path="$folder/gwia-log" --quench.sources[3].zone=Europe/Berlin \
	--quench.sources[3].rescan=manual >"$log" 2>&1 &
pid=$!
cleanup() {
	kill $pid 2>/dev/null || true
	wait $pid 2>/dev/null || true
	if [ -n "$database" ]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$database" || true; fi
	rm -rf "$work/data"
}
trap cleanup EXIT

alive() { # kill -0 also succeeds on a zombie
	local state
	state=$(ps -o stat= -p $pid 2>/dev/null || true)
	[ -n "$state" ] && [ "${state:0:1}" != Z ]
}
for source in directory queue poa gwia-log; do
	# "... failed" (a warning with the exception) comes first; a scan whose end cannot be
	# recorded (the database is gone) logs nothing else.
	until grep -Eq "Scan [0-9]+ of source '$source' ((SUCCEEDED|FAILED|CANCELLED):| failed$)" "$log"; do
		if ! alive; then
			echo "quench stopped:"
			tail -20 "$log"
			exit 1
		fi
		sleep 5
	done
	grep -E "Scan [0-9]+ of source '$source' [A-Z]+:" "$log" | tail -1 | sed 's/^.*Scan/Scan/'
done
if grep -Eq "Scan [0-9]+ of source '[a-z-]+' ((FAILED|CANCELLED):| failed$)" "$log"; then
	echo "FAIL: a scan failed"
	exit 1
fi
ingested=$(($(now) - t))
echo "ingested (start-up included) in $ingested s"

base="http://127.0.0.1:$port"
csrf=$(curl -sf -c "$cookies" -b "$cookies" "$base/login" | python3 -c '
import re, sys
m = re.search(r"name=\"_csrf\"\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\s+name=\"_csrf\"", sys.stdin.read())
print(m.group(1) or m.group(2))')
curl -sf -o /dev/null -c "$cookies" -b "$cookies" --data-urlencode "username=admin" \
	--data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$base/login"
fetch() {
	curl -sf --max-time 1800 -b "$cookies" -o "$1" -w '%{time_total}' "$base/api/v1/suspects"
}
first=$(fetch "$work/suspects.json")
second=$(fetch "$work/suspects-again.json")
echo "GET /api/v1/suspects: first ${first} s (collects the evidence), second ${second} s (cached)"
echo "total $(($(now) - started)) s, load: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$folder/manifest.json" "$work/suspects.json" <<'PY'
import json, sys
manifest = json.load(open(sys.argv[1]))
ranking = json.load(open(sys.argv[2]))
by_account = {s["account"]: (i, s) for i, s in enumerate(ranking)}
def show(account):
    if account not in by_account:
        return "%s: not ranked" % account
    i, s = by_account[account]
    return "%s: rank %d score %d (L%d Q%d) likely=%s %s" % (account, i + 1, s["score"], s["loginPoints"],
                                                          s["queuePoints"], s["likelyCompromised"], s["reasons"])
compromised = set(manifest["compromised"])
likely = {s["account"] for s in ranking if s["likelyCompromised"]}
decoys = [d["account"] for d in manifest["decoys"]]
low_and_slow = [a for a, kind in manifest["compromisedKinds"].items() if kind == "LOW_AND_SLOW"]
failures = []
if likely != compromised:
    failures.append("likely compromised %s != manifest %s (missing %s, extra %s)" % (sorted(likely),
                    sorted(compromised), sorted(compromised - likely), sorted(likely - compromised)))
for decoy in decoys:
    if decoy in likely:
        failures.append("decoy %s is above the line" % decoy)
for account in low_and_slow:
    rank, suspect = by_account.get(account, (len(ranking), {"score": -1}))
    for decoy in decoys:
        if decoy in by_account:
            d_rank, d = by_account[decoy]
            if d_rank < rank or d["score"] >= suspect["score"]:
                failures.append("decoy %s (rank %d, score %d) is not below low-and-slow %s (rank %d, score %d)"
                                % (decoy, d_rank + 1, d["score"], account, rank + 1, suspect["score"]))
print("%d ranked, %d likely compromised" % (len(ranking), len(likely)))
for account in sorted(compromised):
    print("  %s %s" % (manifest["compromisedKinds"][account], show(account)))
for d in manifest["decoys"]:
    print("  %s %s" % (d["kind"], show(d["account"])))
for extra in sorted(likely - compromised - set(decoys)):
    print("  EXTRA %s" % show(extra))
if failures:
    print("FAIL")
    for f in failures:
        print("  " + f)
    sys.exit(1)
print("PASS")
PY
