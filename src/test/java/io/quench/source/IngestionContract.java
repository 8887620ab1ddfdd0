package io.quench.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.quench.db.BulkWriter;
import io.quench.queue.RecipientList;
import io.quench.support.Recipients;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Scanning real folders into the database through the public service, on H2 and on
 * PostgreSQL (subclasses): queue files with hostile ones among them, rescans that read
 * nothing, files that vanish, logs read incrementally, the directory export.
 */
abstract class IngestionContract {

	@TempDir
	Path dir;

	@Autowired
	SourceService sources;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IngestCoordinator coordinator;

	@Autowired
	IngestRunRepository runs;

	@Autowired
	SourceRepository sourceRows;

	@Autowired
	BulkWriter database;

	/**
	 * Whether the database under test is this process's alone (embedded H2), so that a
	 * run still marked running at start-up was left by a Quench that stopped.
	 */
	abstract boolean databaseIsThisProcesssAlone();

	@BeforeEach
	void signInAsAdmin() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("tester", null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	private static void copyFixture(String fixture, Path target) throws IOException {
		Files.createDirectories(target.getParent());
		try (InputStream in = IngestionContract.class.getResourceAsStream("/fixtures/" + fixture)) {
			Files.copy(in, target);
		}
	}

	private IngestRun scanAndWait(long sourceId) {
		long runId = this.sources.scan(sourceId, "tester");
		await().pollInSameThread().atMost(Duration.ofSeconds(60)).until(() -> !this.sources.run(runId).running());
		return this.sources.run(runId);
	}

	private long addSource(String name, SourceKind kind, Path path) {
		return this.sources.add(
				new SourceDefinition(name + "-" + System.nanoTime(), kind, path, ZoneId.of("Europe/Berlin"), null),
				"tester");
	}

	private Map<String, Long> sendersPresent(long sourceId) {
		return this.jdbc.sql("""
				select sender, count(*) as n from queue_message
				where source_id = :source and gone_at is null and sender is not null group by sender
				""")
			.param("source", sourceId)
			.query((rs, row) -> Map.entry(rs.getString("sender"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private Path queueWithFixtures() throws IOException {
		Path root = this.dir.resolve("gwia");
		copyFixture("queue/xml-envelope.txt", root.resolve("send/5f0a1b2c.001"));
		copyFixture("queue/xml-message.xml", root.resolve("send/sub/5f0a1b2c.002"));
		copyFixture("queue/smtp-script.txt", root.resolve("defer/5f0a1b2c.003"));
		copyFixture("queue/rfc5322.eml", root.resolve("defer/5f0a1b2c.004"));
		copyFixture("queue/billion-laughs.xml", root.resolve("send/5f0a1b2c.005"));
		copyFixture("queue/xxe-passwd.xml", root.resolve("send/5f0a1b2c.006"));
		copyFixture("queue/truncated-envelope.xml", root.resolve("defer/5f0a1b2c.007"));
		Files.write(root.resolve("send/5f0a1b2c.008"), new byte[] { 0, 1, 2, (byte) 0xff, 0, 7, 0, 0 });
		Files.createSymbolicLink(root.resolve("send/outside-link"), Path.of("/etc/passwd"));
		copyFixture("queue/xml-envelope.txt", root.resolve("receive/not-a-queue-we-read"));
		return root;
	}

	@Test
	void removingASourceDeletesItsMessagesAndTheirRecipientsAndNothingOfAnotherSource() throws IOException {
		Path root = queueWithFixtures();
		long removed = addSource("queue", SourceKind.QUEUE, root);
		long kept = addSource("queue", SourceKind.QUEUE, root);
		scanAndWait(removed);
		scanAndWait(kept);
		long keptRecipients = recipientsOf(kept);
		assertThat(recipientsOf(removed)).isPositive().isEqualTo(keptRecipients);

		List<Long> messages = this.jdbc.sql("select id from queue_message where source_id = :s")
			.param("s", removed)
			.query(Long.class)
			.list();

		this.sources.remove(removed, "tester");

		assertThat(this.jdbc.sql("select count(*) from queue_message where source_id = :s")
			.param("s", removed)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select count(*) from queue_recipient_list where message_id in (:ids)")
			.param("ids", messages)
			.query(Long.class)
			.single()).as("recipients of the removed source's messages").isZero();
		assertThat(recipientsOf(kept)).isEqualTo(keptRecipients);
	}

	private long recipientsOf(long sourceId) {
		return Recipients.countOfSources(this.jdbc, List.of(sourceId));
	}

	@Test
	void aQueueScanStoresEveryFileAndRecordsEachBadOneWithItsReason() throws IOException {
		Path root = queueWithFixtures();
		long source = addSource("queue", SourceKind.QUEUE, root);

		IngestRun run = scanAndWait(source);

		assertThat(run.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		assertThat(run.filesDone()).isEqualTo(8);
		assertThat(run.itemsOk()).isEqualTo(8);
		List<IngestError> errors = this.sources.errors(run.id(), 0, 100);
		assertThat(errors).extracting(IngestError::path)
			.contains("send/5f0a1b2c.005", "send/5f0a1b2c.006", "defer/5f0a1b2c.007", "send/5f0a1b2c.008",
					"send/outside-link");
		assertThat(run.itemsFailed()).isEqualTo(errors.size());
		assertThat(this.jdbc.sql("select count(*) from queue_message where source_id = :s and status = 'PARSED'")
			.param("s", source)
			.query(Long.class)
			.single()).isEqualTo(4);
		assertThat(this.jdbc
			.sql("select status from queue_message where rel_path = 'send/5f0a1b2c.006' and source_id = :s")
			.param("s", source)
			.query(String.class)
			.single()).isEqualTo("REJECTED");
		assertThat(this.jdbc
			.sql("select count(*) from queue_message where rel_path like '%passwd%' or problem like '%root:%'")
			.query(Long.class)
			.single()).isZero();
		assertThat(Recipients.countOfSources(this.jdbc, List.of(source))).isPositive();
		assertThat(this.jdbc.sql("select count(*) from queue_depth where source_id = :s")
			.param("s", source)
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void aRescanWithNoChangesReadsNoFileBody() throws IOException {
		Path root = queueWithFixtures();
		long source = addSource("queue", SourceKind.QUEUE, root);
		scanAndWait(source);
		Map<String, Long> before = sendersPresent(source);

		// Rewrite a file with other content of the same size and mtime: only a scan that
		// reads bodies
		// would notice.
		Path file = root.resolve("send/5f0a1b2c.001");
		FileTime mtime = Files.getLastModifiedTime(file);
		byte[] bytes = Files.readAllBytes(file);
		String replaced = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("[a-z]", "q");
		Files.write(file, replaced.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
		Files.setLastModifiedTime(file, mtime);

		IngestRun rescan = scanAndWait(source);

		assertThat(rescan.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		assertThat(rescan.itemsSkipped()).isEqualTo(8);
		assertThat(rescan.itemsOk()).isZero();
		assertThat(rescan.itemsGone()).isZero();
		assertThat(sendersPresent(source)).isEqualTo(before);
	}

	@Test
	void filesThatVanishAreMarkedGoneAndChangedOnesAreReadAgain() throws IOException {
		Path root = this.dir.resolve("many");
		for (int i = 0; i < 60; i++) {
			String folder = (i % 3 == 0) ? "defer" : "send";
			Files.createDirectories(root.resolve(folder));
			Files.writeString(root.resolve(folder + "/m" + i), """
					MAIL FROM:<sender%d@example.org>
					RCPT TO:<rcpt@example.net>
					DATA
					From: sender%d@example.org
					Subject: number %d

					body
					.
					""".formatted(i % 4, i % 4, i));
		}
		long source = addSource("many", SourceKind.QUEUE, root);
		assertThat(scanAndWait(source).itemsOk()).isEqualTo(60);

		for (int i = 0; i < 60; i += 2) {
			String folder = (i % 3 == 0) ? "defer" : "send";
			Files.delete(root.resolve(folder + "/m" + i));
		}
		Files.writeString(root.resolve("send/m1"),
				"MAIL FROM:<changed@example.org>\nRCPT TO:<x@example.net>\nDATA\nSubject: changed\n\nbody\n.\n");
		Files.setLastModifiedTime(root.resolve("send/m1"), FileTime.fromMillis(1_700_000_000_000L));

		IngestRun rescan = scanAndWait(source);

		assertThat(rescan.itemsGone()).isEqualTo(30);
		assertThat(rescan.itemsOk()).isEqualTo(1);
		assertThat(rescan.itemsSkipped()).isEqualTo(29);
		List<String> gone = this.jdbc
			.sql("select rel_path from queue_message where source_id = :s and gone_at is not null")
			.param("s", source)
			.query(String.class)
			.list();
		assertThat(gone).hasSize(30).allSatisfy((path) -> {
			int n = Integer.parseInt(path.substring(path.indexOf("/m") + 2));
			assertThat(n % 2).isZero();
		});
		assertThat(sendersPresent(source)).containsEntry("changed@example.org", 1L);
		assertThat(recipientsOf(source, "send/m1")).as("the changed file's recipients replace its old ones")
			.containsExactly("x@example.net");

		// A file that comes back is present again.
		Files.writeString(root.resolve("send/m2"),
				"MAIL FROM:<back@example.org>\nRCPT TO:<x@example.net>\nDATA\nSubject: back\n\nbody\n.\n");
		scanAndWait(source);
		assertThat(sendersPresent(source)).containsEntry("back@example.org", 1L);
		assertThat(recipientsOf(source, "send/m2")).containsExactly("x@example.net");
	}

	@Test
	void aMessageToThousandsKeepsItsCountAndItsFirst200Recipients() throws IOException {
		Path root = this.dir.resolve("wide");
		Files.createDirectories(root.resolve("send"));
		StringBuilder script = new StringBuilder("MAIL FROM:<wide@example.org>\n");
		for (int i = 0; i < 3_000; i++) {
			script.append("RCPT TO:<r").append(i).append("@d").append(i % 7).append(".example>\n");
		}
		script.append("DATA\nSubject: wide\n\nbody\n.\n");
		Files.writeString(root.resolve("send/wide"), script);
		Files.writeString(root.resolve("send/next"),
				"MAIL FROM:<next@example.org>\nRCPT TO:<only@example.net>\nDATA\nSubject: next\n\nbody\n.\n");
		long source = addSource("wide", SourceKind.QUEUE, root);
		assertThat(scanAndWait(source).itemsOk()).isEqualTo(2);

		assertThat(this.jdbc
			.sql("select recipient_count from queue_message where source_id = :s and rel_path = 'send/wide'")
			.param("s", source)
			.query(Integer.class)
			.single()).isEqualTo(3_000);
		assertThat(recipientsOf(source, "send/wide")).hasSize(200).contains("r0@d0.example", "r199@d3.example");
		assertThat(recipientsOf(source, "send/next")).containsExactly("only@example.net");
	}

	private List<String> recipientsOf(long sourceId, String relativePath) {
		long id = this.jdbc.sql("select id from queue_message where source_id = :s and rel_path = :path")
			.param("s", sourceId)
			.param("path", relativePath)
			.query(Long.class)
			.single();
		return Recipients.of(this.jdbc, id).stream().map(RecipientList.Entry::address).sorted().toList();
	}

	@Test
	void aPoaLogIsReadIncrementallyAndUnrecognisedLinesAreCountedByShape() throws IOException {
		Path logs = this.dir.resolve("poa");
		Files.createDirectories(logs);
		Path log = logs.resolve("1204poa.001");
		copyFixture("poa-log/1204poa.001", log);
		Files.createSymbolicLink(logs.resolve("poa.currentlog"), log.getFileName());
		long source = addSource("poa", SourceKind.POA_LOG, logs);

		IngestRun first = scanAndWait(source);
		assertThat(first.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		long events = count("select count(*) from log_event where source_id = :s", source);
		assertThat(events).isPositive().isEqualTo(first.events());
		assertThat(
				count("select count(*) from log_event where source_id = :s and event_type = 'LOGIN_SUCCESS'", source))
			.isPositive();
		assertThat(this.sources.unmatchedShapes(source, 10)).isNotEmpty();

		IngestRun unchanged = scanAndWait(source);
		assertThat(unchanged.events()).isZero();

		Files.writeString(log, "23:59:58 1F3 C/S Login winnt Net Id=late :: GW Id=late :: 198.51.100.99\n",
				java.nio.file.StandardOpenOption.APPEND);
		IngestRun appended = scanAndWait(source);
		assertThat(appended.events()).isEqualTo(1);
		assertThat(count("select count(*) from log_event where source_id = :s", source)).isEqualTo(events + 1);
		assertThat(count("select count(*) from log_event where source_id = :s and gw_id = 'late'", source))
			.isEqualTo(1);
	}

	@Test
	void aLogReadThatDiedHalfWayIsReadAgainWithoutStoringAnEventTwice() throws IOException {
		Path logs = this.dir.resolve("poa-died");
		Files.createDirectories(logs);
		copyFixture("poa-log/1204poa.001", logs.resolve("1204poa.001"));
		long source = addSource("poa-died", SourceKind.POA_LOG, logs);
		assertThat(scanAndWait(source).status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		String eventsQuery = """
				select line_number || ' ' || event_type || ' ' || at from log_event where source_id = :s
				order by line_number, event_type
				""";
		List<String> complete = this.jdbc.sql(eventsQuery).param("s", source).query(String.class).list();
		assertThat(complete).hasSizeGreaterThan(4);
		// What a Quench killed during the first read of the file leaves: the cursor it
		// saved before reading (start of the file, marked dirty) and the events of the
		// batches it had committed.
		long half = this.jdbc.sql("select max(line_number) / 2 from log_event where source_id = :s")
			.param("s", source)
			.query(Long.class)
			.single();
		this.jdbc.sql("delete from log_event where source_id = :s and line_number > :half")
			.param("s", source)
			.param("half", half)
			.update();
		assertThat(this.jdbc.sql("""
				update log_cursor set byte_offset = 0, line_number = 0, head_length = 0, head_crc = 0, log_day = null,
					last_time = null, last_offset = null, dirty = true
				where source_id = :s
				""").param("s", source).update()).isEqualTo(1);

		IngestRun again = scanAndWait(source);

		assertThat(again.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		assertThat(this.jdbc.sql(eventsQuery).param("s", source).query(String.class).list())
			.containsExactlyElementsOf(complete);
		assertThat(count("select count(*) from log_cursor where source_id = :s and dirty", source)).isZero();
	}

	@Test
	void hostileLogLinesAreReportedAndTheOtherLinesStillRead() throws IOException {
		Path logs = this.dir.resolve("hostile-poa");
		Files.createDirectories(logs);
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		bytes.writeBytes("08:00:00 1F3 C/S Login winnt Net Id=first :: GW Id=first :: 198.51.100.1\n"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		bytes.writeBytes(new byte[] { '0', '8', ':', '0', '0', ':', '0', '1', ' ', 'Z', (byte) 0xff, (byte) 0xfe,
				(byte) 0xc3, '\n' });
		bytes.writeBytes(("08:00:02 1F3 " + "x".repeat(1024 * 1024) + "\n")
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		bytes.writeBytes("08:00:03 1F3 C/S Login winnt Net Id=second :: GW Id=second :: 198.51.100.2\r\n"
			.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		Files.write(logs.resolve("1203poa.001"), bytes.toByteArray());
		long source = addSource("hostile-poa", SourceKind.POA_LOG, logs);

		IngestRun run = scanAndWait(source);

		assertThat(run.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		assertThat(this.jdbc.sql("select gw_id from log_event where source_id = :s order by at")
			.param("s", source)
			.query(String.class)
			.list()).containsExactly("first", "second");
		assertThat(this.sources.errors(run.id(), 0, 10)).extracting(IngestError::reason)
			.anySatisfy((reason) -> assertThat(reason).contains("longer than 64 KiB"));
	}

	@Test
	void theDirectoryExportBecomesTheIdentityMap() throws IOException {
		Path csv = this.dir.resolve("directory.csv");
		Files.writeString(csv, """
				gwId,networkId,preferredAddress,aliases,postOffice,domain
				jdoe,jdoe,john.doe@example.org,jd@example.org;jdoe@example.org,po1,dom1
				asmith,anna.smith,Anna.Smith@Example.org,,po1,dom1
				jdoe,dup,dup@example.org,,po1,dom1
				,missing,none@example.org,,po1,dom1
				""");
		long source = addSource("directory", SourceKind.DIRECTORY, csv);
		IngestRun run = scanAndWait(source);
		assertThat(run.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		assertThat(run.events()).isEqualTo(2);
		assertThat(run.itemsFailed()).isEqualTo(2);
		assertThat(this.jdbc.sql("""
				select a.gw_id from directory_account a join directory_address d on d.account_id = a.id
				where d.address = 'anna.smith@example.org'
				""").query(String.class).single()).isEqualTo("asmith");
		assertThat(count("select count(*) from directory_address d join directory_account a on a.id = d.account_id"
				+ " where a.source_id = :s", source))
			.isEqualTo(4);
		// A second scan of the same bytes changes nothing and says so.
		IngestRun same = scanAndWait(source);
		assertThat(same.itemsOk()).isZero();
		assertThat(same.itemsSkipped()).isEqualTo(1);
		assertThat(count("select count(*) from directory_account where source_id = :s", source)).isEqualTo(2);
		// A changed export replaces, not adds.
		Files.writeString(csv, Files.readString(csv) + "cnew,cnew,c.new@example.org,,po1,dom1\n");
		IngestRun changed = scanAndWait(source);
		assertThat(changed.itemsOk()).isEqualTo(1);
		assertThat(count("select count(*) from directory_account where source_id = :s", source)).isEqualTo(3);
	}

	@Test
	void aGeneratedIncidentIngestsToExactlyTheManifestsSenderCountsAndDeletionsAreMarkedGone() throws IOException {
		Path out = this.dir.resolve("incident");
		io.quench.generator.Manifest manifest = io.quench.generator.IncidentGenerator
			.generate(io.quench.generator.GeneratorSettings.of(out, 3_000, 3, 11));
		long source = addSource("generated", SourceKind.QUEUE, out.resolve("gwia"));

		IngestRun run = scanAndWait(source);

		assertThat(run.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
		assertThat(run.itemsFailed()).isZero();
		String perSender = "select sender, sum(case when folder = 'SEND' then 1 else 0 end) as in_send,"
				+ " sum(case when folder = 'DEFER' then 1 else 0 end) as in_defer"
				+ " from queue_message where source_id = :s and gone_at is null group by sender";
		Map<String, io.quench.generator.Manifest.FolderCounts> stored = this.jdbc.sql(perSender)
			.param("s", source)
			.query((rs, row) -> Map.entry(rs.getString("sender"),
					new io.quench.generator.Manifest.FolderCounts(rs.getLong("in_send"), rs.getLong("in_defer"))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(stored).isEqualTo(manifest.senderCounts());
		assertThat(latestDepth(source)).isEqualTo(3_000);

		List<Path> files;
		try (var walk = Files.walk(out.resolve("gwia"))) {
			files = walk.filter(Files::isRegularFile).sorted().toList();
		}
		java.util.Set<String> deleted = new java.util.HashSet<>();
		java.util.Random random = new java.util.Random(5);
		while (deleted.size() < 1_000) {
			Path file = files.get(random.nextInt(files.size()));
			if (deleted.add(out.resolve("gwia").relativize(file).toString())) {
				Files.delete(file);
			}
		}

		IngestRun rescan = scanAndWait(source);

		assertThat(rescan.itemsGone()).isEqualTo(1_000);
		assertThat(latestDepth(source)).isEqualTo(2_000);
		assertThat(rescan.itemsOk()).isZero();
		assertThat(rescan.itemsSkipped()).isEqualTo(files.size() - 1_000);
		assertThat(this.jdbc.sql("select rel_path from queue_message where source_id = :s and gone_at is not null")
			.param("s", source)
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(deleted);
	}

	@Test
	void aMissingQueueRootFailsTheRunWithAClearMessage() throws IOException {
		Path root = this.dir.resolve("later");
		Files.createDirectories(root);
		long source = addSource("vanishing", SourceKind.QUEUE, root);
		Files.delete(root);
		IngestRun run = scanAndWait(source);
		assertThat(run.status()).isEqualTo(IngestRun.Status.FAILED);
		assertThat(run.message()).contains("not a folder");
	}

	private long latestDepth(long source) {
		return count("select sum(messages) from queue_depth where source_id = :s"
				+ " and at = (select max(at) from queue_depth where source_id = :s)", source);
	}

	private long count(String sql, long source) {
		return this.jdbc.sql(sql).param("s", source).query(Long.class).single();
	}

	@Test
	void aScanLeftRunningByAStoppedQuenchIsFailedAtStartOnlyWhenTheDatabaseIsThisProcesssAlone() throws Exception {
		Files.createDirectories(this.dir.resolve("gwia/send"));
		long sourceId = addSource("orphan", SourceKind.QUEUE, this.dir.resolve("gwia"));
		// As a Quench killed a moment ago leaves it: claimed, heartbeat fresh.
		Instant now = Instant.now();
		long left = this.runs.insert(sourceId, "system", now);
		assertThat(this.sourceRows.claim(sourceId, left, now.minus(IngestCoordinator.STALE))).isTrue();
		try {
			assertThat(this.database.exclusive()).isEqualTo(databaseIsThisProcesssAlone());

			int failed = this.coordinator.failOrphanedRuns();

			if (databaseIsThisProcesssAlone()) {
				assertThat(failed).isPositive();
				assertThat(this.sources.run(left).status()).isEqualTo(IngestRun.Status.FAILED);
				assertThat(this.sources.run(left).message()).isEqualTo(IngestCoordinator.ORPHANED);
				assertThat(this.sourceRows.runningRunId(sourceId)).isEmpty();
				IngestRun next = scanAndWait(sourceId);
				assertThat(next.id()).isNotEqualTo(left);
				assertThat(next.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
			}
			else {
				// Another instance sharing the database may be running it.
				assertThat(failed).isZero();
				assertThat(this.sources.run(left).status()).isEqualTo(IngestRun.Status.RUNNING);
				assertThat(this.sourceRows.runningRunId(sourceId)).contains(left);
				assertThat(this.sources.scan(sourceId, "tester")).isEqualTo(left);
			}
		}
		finally {
			this.runs.finish(left, IngestRun.Status.CANCELLED, null, Instant.now());
			this.sourceRows.release(sourceId, left);
		}
	}

}
