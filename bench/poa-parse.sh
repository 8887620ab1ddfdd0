#!/usr/bin/env bash
# Throughput of the POA log parser (io.quench.login.LogReader) on a generated ~1 GB POA log,
# beside `grep -c "C/S Login"` on the same file. Results go to docs/benchmarks.md by hand.
#
#   bench/poa-parse.sh            # 1024 MB
#   SIZE_MB=100 bench/poa-parse.sh
#
# The file is generated with awk from the line shapes of docs/formats.md (reconstructed) plus
# invented filler lines, with varied numbers, users and IPs; it is deleted afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out
mkdir -p "$out"
file="$out/1204poa.001"
size_mb="${SIZE_MB:-1024}"
trap 'rm -f "$file"' EXIT

echo "== generating $size_mb MB POA log: $file"
awk -v target="$((size_mb * 1024 * 1024))" 'BEGIN {
	srand(42)
	platforms[0] = "winnt"; platforms[1] = "soap"; platforms[2] = "imap"; platforms[3] = "web"; platforms[4] = "linux"
	lines_per_second = 160; written = 0; i = 0
	while (written < target) {
		s = int(i / lines_per_second) % 86400
		t = sprintf("%02d:%02d:%02d %X", int(s / 3600), int(s / 60) % 60, s % 60, 256 + int(rand() * 3840))
		u = "user" int(rand() * 5000)
		ip = "10." int(rand() * 256) "." int(rand() * 256) "." (1 + int(rand() * 254))
		r = rand()
		if (r < 0.15)      line = t " C/S Login " platforms[int(rand() * 5)] " Net Id=" u " :: GW Id=" u " :: " ip
		else if (r < 0.20) line = t " C/S Logout " platforms[int(rand() * 5)] " Net Id=" u " :: GW Id=" u " :: " ip
		else if (r < 0.23) line = t " Error: Password incorrect [D019] User: " u " " ip
		else if (r < 0.45) line = t " Processing scheduled event: QuickFinder Indexing"
		else if (r < 0.65) line = t " MTP: Received file: /var/opt/novell/groupwise/mail/po1/wpcsout/ofs/2/" sprintf("%08x", int(rand() * 2^31)) ".001 Size: " int(rand() * 90000)
		else if (r < 0.85) line = t " Message Worker: processed " int(rand() * 40) " items for " u " in " int(rand() * 900) " ms"
		else               line = t " HTTP: Request from " ip " for /gwadmin-service/status"
		print line
		written += length(line) + 1
		i++
	}
}' > "$file"
ls -l "$file"

echo "== building (offline)"
./mvnw -q -o test-compile
./mvnw -q -o dependency:build-classpath -Dmdep.outputFile="$out/cp.txt"

echo "== machine"
echo "nproc: $(nproc)"
grep -m1 'model name' /proc/cpuinfo || true
java -version 2>&1

echo "== grep -c \"C/S Login\" (file now in the page cache)"
cat "$file" > /dev/null
time grep -c "C/S Login" "$file"

echo "== LogReader, default patterns, one thread"
java -Xmx256m -cp "target/classes:target/test-classes:$(cat "$out/cp.txt")" io.quench.login.LogParseBench "$file" 3
