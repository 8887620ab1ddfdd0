#!/usr/bin/env bash
# Generator and census benchmark (docs/benchmarks.md, "Generator and census").
#
#   ./mvnw -q -DskipTests package            # once: this script builds nothing
#   bench/generate-and-census.sh [DIR]       # DIR defaults to /tmp/quench-bench, must not exist
#
# Generates MESSAGES (default 1,000,000) queue files into DIR, reports files/s, then times the
# support KB's pipeline and `quench census` over gwia/send and gwia/defer with a warm cache (each
# runs once untimed first), checks that both print the same counts and prints the time ratio.
# The pipeline runs in each folder, as the KB does, with LC_ALL=C.UTF-8 (the fastest sort).
# DIR is left in place; remove it afterwards (about 7 GB for a million messages). With
# SKIP_GENERATE=1 an existing DIR is timed again without generating.
set -euo pipefail

cd "$(dirname "$0")/.."
out=${1:-/tmp/quench-bench}
messages=${MESSAGES:-1000000}
days=${DAYS:-7}
seed=${SEED:-1}
jar=target/quench.jar

if [[ ! -f $jar ]]; then
	echo "no $jar: run ./mvnw -q -DskipTests package first" >&2
	exit 1
fi
skip=${SKIP_GENERATE:-0}
if [[ $skip != 1 && -e $out ]]; then
	echo "$out exists: remove it or pass another folder" >&2
	exit 1
fi

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }

echo "== machine"
echo "cpu:    $(nproc) x $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "memory: $(free -g | awk '/Mem:/ { print $2 }') GiB"
echo "disk:   $(findmnt -no SOURCE,FSTYPE,OPTIONS -T "$(dirname "$out")")"
echo "kernel: $(uname -r)"
echo "java:   $(java -version 2>&1 | head -1)"
echo "grep:   $(grep --version | head -1)"
echo "load:   $(cut -d' ' -f1-3 /proc/loadavg)"

if [[ $skip != 1 ]]; then
echo "== generate"
echo "java -jar $jar generate --out $out --messages $messages --days $days --seed $seed"
start=$(now)
java -jar "$jar" generate --out "$out" --messages "$messages" --days "$days" --seed "$seed"
end=$(now)
seconds=$(elapsed "$start" "$end")
echo "wall ${seconds} s including JVM start: $(awk -v n="$messages" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') files/s"
echo "queue: $(du -sh "$out/gwia" | cut -f1), logs: $(du -sh "$out/poa" | cut -f1) POA, $(du -sh "$out/gwia-log" | cut -f1) GWIA"
fi

pipeline() {
	for folder in send defer; do
		(cd "$out/gwia/$folder" &&
			LC_ALL=C.UTF-8 grep -RPo "(?<=<EmailAddress>)[^<]*(?=</EmailAddress>)" ./ | cut -d: -f2- | sort | uniq -c)
	done
}

census() {
	java -jar "$jar" census "$out/gwia/send" "$out/gwia/defer"
}

# Adds up the per-folder lines of the pipeline; sorts both outputs the same way.
normalise() {
	awk '{ count = $1; sub(/^ *[0-9]+ /, ""); total[$0] += count } END { for (a in total) printf "%7d %s\n", total[a], a }' |
		LC_ALL=C sort
}

echo "== warm-up (untimed)"
pipeline >/dev/null
census >/dev/null

echo "== KB pipeline"
start=$(now)
pipeline >"$out/pipeline.txt"
end=$(now)
pipeline_seconds=$(elapsed "$start" "$end")
echo "wall ${pipeline_seconds} s"

echo "== quench census"
start=$(now)
census >"$out/census.txt"
end=$(now)
census_seconds=$(elapsed "$start" "$end")
echo "wall ${census_seconds} s (including JVM start)"

if cmp -s <(normalise <"$out/pipeline.txt") <(normalise <"$out/census.txt"); then
	echo "outputs agree: $(wc -l <"$out/census.txt") addresses, $(awk '{ s += $1 } END { print s }' "$out/census.txt") occurrences"
else
	echo "OUTPUTS DIFFER" >&2
	diff <(normalise <"$out/pipeline.txt") <(normalise <"$out/census.txt") | head -20 >&2
	exit 1
fi
echo "ratio census/pipeline: $(awk -v c="$census_seconds" -v p="$pipeline_seconds" 'BEGIN { printf "%.2f", c / p }')"
