package io.quench.login;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LogReaderTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	private static final String LOGIN = "14:02:11 1F3 C/S Login winnt Net Id=jdoe :: GW Id=jdoe :: 203.0.113.45\n";

	private static final String OTHER = "14:10:00 1A2 Processing scheduled event: QuickFinder Indexing\n";

	@TempDir
	Path dir;

	private final LogReader reader = new LogReader(LogPatterns.defaults(), BERLIN);

	private final List<LogEvent> events = new ArrayList<>();

	private final ShapeCounter shapes = new ShapeCounter();

	@Test
	void theFixtureBecomesEventsWithTimesFromTheFileNameAndModificationYear() throws IOException {
		Path file = copy("poa-log/1204poa.001", "1204poa.001");
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-04T16:00:00Z")));
		LogReadResult result = read(file, null);
		assertThat(result.kind()).isEqualTo(LogKind.POA);
		assertThat(result.linesRead()).isEqualTo(7);
		assertThat(result.matched()).isEqualTo(5);
		assertThat(result.unmatched()).isEqualTo(2);
		assertThat(result.bytesRead()).isEqualTo(Files.size(file));
		assertThat(this.events).extracting(LogEvent::type)
			.containsExactly(EventType.LOGIN_SUCCESS, EventType.LOGIN_SUCCESS, EventType.LOGIN_FAILURE,
					EventType.LOGOUT, EventType.LOGIN_SUCCESS);
		LogEvent first = this.events.get(0);
		assertThat(first).isEqualTo(new LogEvent(Instant.parse("2026-12-04T13:02:11Z"), LogKind.POA,
				EventType.LOGIN_SUCCESS, "jdoe", "jdoe", "203.0.113.45", "winnt", null, "1F3", null, null,
				"poa.login_success.reconstructed", file.toRealPath().toString(), 1, 0, LOGIN.strip()));
		List<String> lines = Fixtures.lines("poa-log/1204poa.001");
		assertThat(this.events.get(2).offset()).isEqualTo(lines.get(0).length() + 1 + lines.get(1).length() + 1);
		assertThat(this.shapes.top(1)).singleElement()
			.extracting(LineShape::count, LineShape::sample)
			.containsExactly(2L, OTHER.strip());
	}

	@Test
	void gwiaAuthEventsGetPlatformSmtp() throws IOException {
		Path file = copy("gwia-log/1204log.001", "1204log.001");
		read(file, null);
		assertThat(this.events).filteredOn((e) -> e.type() == EventType.SMTP_AUTH_SUCCESS)
			.singleElement()
			.satisfies((e) -> {
				assertThat(e.platform()).isEqualTo("smtp");
				assertThat(e.source()).isEqualTo(LogKind.GWIA);
				assertThat(e.messageRef()).isEqualTo("41237");
				assertThat(e.gwId()).isEqualTo("jdoe");
			});
		assertThat(this.events).hasSize(5);
	}

	@Test
	void aSecondReadFromTheCursorReturnsOnlyAppendedLines() throws IOException {
		Path file = write("1204poa.001", LOGIN + OTHER);
		LogReadResult first = read(file, null);
		assertThat(first.cursor().offset()).isEqualTo(Files.size(file));
		append(file, LOGIN.replace("jdoe", "asmith"));
		this.events.clear();
		LogReadResult second = read(file, first.cursor());
		assertThat(second.restarted()).isFalse();
		assertThat(second.linesRead()).isEqualTo(1);
		assertThat(second.bytesRead()).isEqualTo(LOGIN.length() + 2 * ("asmith".length() - "jdoe".length()));
		assertThat(this.events).singleElement().satisfies((e) -> {
			assertThat(e.gwId()).isEqualTo("asmith");
			assertThat(e.lineNumber()).isEqualTo(3);
			assertThat(e.offset()).isEqualTo(LOGIN.length() + OTHER.length());
		});
		LogReadResult third = read(file, second.cursor());
		assertThat(third.linesRead()).isZero();
		assertThat(third.cursor()).isEqualTo(second.cursor());
	}

	@Test
	void anIncompleteLastLineIsLeftForTheNextRead() throws IOException {
		Path file = write("1204poa.001", LOGIN + LOGIN.substring(0, 30));
		LogReadResult first = read(file, null);
		assertThat(first.linesRead()).isEqualTo(1);
		assertThat(first.cursor().offset()).isEqualTo(LOGIN.length());
		append(file, LOGIN.substring(30));
		LogReadResult second = read(file, first.cursor());
		assertThat(second.linesRead()).isEqualTo(1);
		assertThat(this.events).hasSize(2).allSatisfy((e) -> assertThat(e.ip()).isEqualTo("203.0.113.45"));
	}

	@Test
	void anIncompleteLastLineOfAFinalFileIsRead() throws IOException {
		Path file = write("1204poa.001", LOGIN + LOGIN.strip());
		LogReadResult result = this.reader.read(file, null, LogReadOptions.defaults().asFinal(), this.events::add,
				this.shapes);
		assertThat(result.linesRead()).isEqualTo(2);
		assertThat(result.cursor().offset()).isEqualTo(Files.size(file));
		assertThat(this.events).hasSize(2);
	}

	@Test
	void aRotatedFileIsReadFromTheStartAndTheRestartReported() throws IOException {
		Path file = write("1204poa.001", LOGIN + OTHER + OTHER);
		LogReadResult first = read(file, null);
		Path rotated = write("1204poa.002", LOGIN);
		Files.delete(file);
		Files.move(rotated, file);
		this.events.clear();
		LogReadResult second = read(file, first.cursor());
		assertThat(second.restarted()).isTrue();
		assertThat(second.restartReason()).contains("rotated");
		assertThat(second.cursor().offset()).isEqualTo(LOGIN.length());
		assertThat(this.events).singleElement().extracting(LogEvent::lineNumber).isEqualTo(1L);
	}

	@Test
	void aTruncatedFileIsReadFromTheStart() throws IOException {
		Path file = write("1204poa.001", LOGIN + OTHER + OTHER);
		LogReadResult first = read(file, null);
		Files.writeString(file, LOGIN, StandardOpenOption.TRUNCATE_EXISTING);
		LogReadResult second = read(file, first.cursor());
		assertThat(second.restartReason()).contains("truncated");
		assertThat(second.linesRead()).isEqualTo(1);
	}

	@Test
	void aFileRewrittenPastTheCursorUnderTheSameIdentityIsReadFromTheStart() throws IOException {
		Path file = write("1204poa.001", LOGIN);
		LogReadResult first = read(file, null);
		Files.writeString(file, OTHER + LOGIN, StandardOpenOption.TRUNCATE_EXISTING);
		LogReadResult second = read(file, first.cursor());
		assertThat(second.restartReason()).contains("rewritten");
		assertThat(second.linesRead()).isEqualTo(2);
	}

	@Test
	void invalidUtf8IsDecodedAsLatin1AndValidUtf8AsUtf8() throws IOException {
		byte[] latin1 = "14:02:12 1F3 C/S Login winnt Net Id=jürgen :: GW Id=jürgen :: 203.0.113.46\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		byte[] utf8 = "14:02:13 1F3 C/S Login winnt Net Id=jürgen :: GW Id=jürgen :: 203.0.113.47\n"
			.getBytes(StandardCharsets.UTF_8);
		byte[] garbage = { (byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3, '\n' };
		Path file = this.dir.resolve("1204poa.001");
		Files.write(file, concat(latin1, garbage, utf8));
		LogReadResult result = read(file, null);
		assertThat(result.linesRead()).isEqualTo(3);
		assertThat(result.unmatched()).isEqualTo(1);
		assertThat(this.events).extracting(LogEvent::gwId).containsExactly("jürgen", "jürgen");
	}

	@Test
	void aOneMegabyteLineIsCountedOversizedAndTheFollowingLinesParsed() throws IOException {
		Path file = write("1204poa.001", LOGIN + "14:02:12 1F3 " + "x".repeat(1024 * 1024) + "\n" + LOGIN);
		LogReadResult result = read(file, null);
		assertThat(result.linesRead()).isEqualTo(3);
		assertThat(result.oversized()).isEqualTo(1);
		assertThat(result.matched()).isEqualTo(2);
		assertThat(result.cursor().offset()).isEqualTo(Files.size(file));
		assertThat(this.events).extracting(LogEvent::lineNumber).containsExactly(1L, 3L);
	}

	@Test
	void anOversizedLineStillBeingWrittenIsNotConsumed() throws IOException {
		Path file = write("1204poa.001", LOGIN + "x".repeat(200_000));
		LogReadResult result = read(file, null);
		assertThat(result.oversized()).isZero();
		assertThat(result.cursor().offset()).isEqualTo(LOGIN.length());
	}

	@Test
	void crlfLineEndsAreStripped() throws IOException {
		Path file = write("1204poa.001", LOGIN.replace("\n", "\r\n") + OTHER.replace("\n", "\r\n"));
		LogReadResult result = read(file, null);
		assertThat(result.matched()).isEqualTo(1);
		assertThat(this.events.get(0).ip()).isEqualTo("203.0.113.45");
		assertThat(this.events.get(0).raw()).doesNotContain("\r");
		assertThat(this.shapes.top(1).get(0).sample()).isEqualTo(OTHER.strip());
	}

	@Test
	void aLineAfterMidnightIsOnTheNextDay() throws IOException {
		Path file = write("1204poa.001", LOGIN.replace("14:02:11", "23:59:59") + OTHER.replace("14:10:00", "00:00:01")
				+ LOGIN.replace("14:02:11", "00:00:02"));
		read(file, null);
		assertThat(this.events).extracting(LogEvent::at)
			.containsExactly(Instant.parse("2026-12-04T22:59:59Z"), Instant.parse("2026-12-04T23:00:02Z"));
	}

	@Test
	void theCurrentLogSymlinkIsTheSameFileAsItsRealName() throws IOException {
		Path real = write("1204poa.001", LOGIN);
		Path link = Files.createSymbolicLink(this.dir.resolve("poa.currentlog"), real.getFileName());
		LogReadResult viaLink = read(link, null);
		assertThat(viaLink.file()).isEqualTo(real.toRealPath());
		assertThat(this.events.get(0).file()).isEqualTo(real.toRealPath().toString());
		LogReadResult viaName = read(real, viaLink.cursor());
		assertThat(viaName.restarted()).isFalse();
		assertThat(viaName.linesRead()).isZero();
		assertThat(LogFiles.list(this.dir)).singleElement().extracting(LogFile::path).isEqualTo(real.toRealPath());
	}

	@Test
	void anUploadedFileWithAnotherNameNeedsKindAndDate() throws IOException {
		Path file = write("upload-7.txt", LOGIN);
		assertThatThrownBy(() -> read(file, null)).isInstanceOf(UnrecognisedLogFileException.class)
			.hasMessageContaining("log kind");
		assertThatThrownBy(() -> this.reader.read(file, null, LogReadOptions.defaults().withKind(LogKind.POA),
				this.events::add, this.shapes))
			.isInstanceOf(UnrecognisedLogFileException.class)
			.hasMessageContaining("start date");
		this.reader.read(file, null,
				LogReadOptions.defaults().withKind(LogKind.POA).withDate(LocalDate.of(2025, 7, 1)).asFinal(),
				this.events::add, this.shapes);
		assertThat(this.events).singleElement()
			.extracting(LogEvent::at)
			.isEqualTo(Instant.parse("2025-07-01T12:02:11Z"));
	}

	@Test
	void anExplicitDateOverridesTheFileName() throws IOException {
		Path file = write("1204poa.001", LOGIN);
		this.reader.read(file, null, LogReadOptions.defaults().withDate(LocalDate.of(2024, 1, 15)), this.events::add,
				this.shapes);
		assertThat(this.events.get(0).at()).isEqualTo(Instant.parse("2024-01-15T13:02:11Z"));
	}

	@Test
	void aHexCounterFileStartedLastYearIsDatedInThatYear() throws IOException {
		Path file = write("1231poa.00c", LOGIN);
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2027-01-02T10:00:00Z")));
		read(file, null);
		assertThat(this.events.get(0).at()).isEqualTo(Instant.parse("2026-12-31T13:02:11Z"));
	}

	@Test
	void theRawLineOfAnEventIsCapped() throws IOException {
		Path file = write("1204poa.001", LOGIN.strip() + " " + "x".repeat(10_000) + "\n");
		read(file, null);
		assertThat(this.events).singleElement().satisfies((e) -> {
			assertThat(e.pattern()).isEqualTo("poa.login_success.tolerant");
			assertThat(e.raw()).hasSize(LogEvent.MAX_RAW_CHARS);
		});
	}

	private LogReadResult read(Path file, LogCursor cursor) throws IOException {
		return this.reader.read(file, cursor, this.events::add, this.shapes);
	}

	private Path write(String name, String content) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, content, StandardCharsets.UTF_8);
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-05T10:00:00Z")));
		return file;
	}

	private Path copy(String fixture, String name) throws IOException {
		Path file = this.dir.resolve(name);
		Files.copy(Fixtures.path(fixture), file);
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-05T10:00:00Z")));
		return file;
	}

	private static void append(Path file, String content) throws IOException {
		Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
		Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-12-05T10:00:00Z")));
	}

	private static byte[] concat(byte[]... parts) {
		int length = 0;
		for (byte[] part : parts) {
			length += part.length;
		}
		byte[] all = new byte[length];
		int at = 0;
		for (byte[] part : parts) {
			System.arraycopy(part, 0, all, at, part.length);
			at += part.length;
		}
		return all;
	}

}
