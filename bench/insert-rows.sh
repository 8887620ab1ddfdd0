#!/usr/bin/env bash
# What the database alone costs per queue file: inserts rows shaped like a queue scan's (one
# message, about 6.5 recipients per file, a transaction per chunk of files) into a fresh H2
# file database or PostgreSQL database, for schema variants (see insert-rows/InsertRows.java).
#
#   bench/insert-rows.sh [h2|postgres] [files] [variant...]
#   bench/insert-rows.sh h2 200000 base-fk nouniq nouniq-recpk
#
# QUENCH_BENCH_CHUNK sets the files per transaction (default 2000; the application writes 2,000 on
# PostgreSQL and 250 on H2).
#
# Prints wall time and the process's CPU per file (on PostgreSQL only the client's; the server's
# share shows in the wall time).
set -euo pipefail
cd "$(dirname "$0")"
db=${1:-h2}
files=${2:-200000}
shift 2 || true
variants=("$@")
chunk=${QUENCH_BENCH_CHUNK:-2000}
[ ${#variants[@]} -gt 0 ] || variants=(base-fk nouniq)
# The drivers the build uses (./mvnw -q -DskipTests package puts them in the local repository).
h2=$(find ~/.m2/repository/com/h2database/h2 -name 'h2-2.4.*.jar' 2>/dev/null | sort | tail -1)
pg=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-42.*.jar' 2>/dev/null | sort | tail -1)
[ -n "$h2" ] && [ -n "$pg" ] || { echo "run ./mvnw -q -DskipTests package first (H2 and PostgreSQL drivers)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for variant in "${variants[@]}"; do
	if [ "$db" = postgres ]; then
		psql -q -h 127.0.0.1 -U postgres -d postgres -c 'drop database if exists quench_insert_bench' \
			-c 'create database quench_insert_bench'
		java -Xmx512m -Dchunk="$chunk" -cp "$pg" insert-rows/InsertRows.java "$variant" "$files" \
			"jdbc:postgresql://127.0.0.1:5432/quench_insert_bench?user=postgres&reWriteBatchedInserts=true"
	else
		rm -f "$work"/db*
		java -Xmx512m -Dchunk="$chunk" -cp "$h2" insert-rows/InsertRows.java "$variant" "$files" \
			"jdbc:h2:file:$work/db;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
	fi
done
