package io.quench.preview;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Reading queue files again: integrity, safe paths, raw ranges as text. */
class MessageFilesTests {

	static final String MESSAGE = "From: a@b.example\r\nSubject: Hi\r\n\r\nHello\r\n";

	@TempDir
	Path root;

	final MessageFiles files = new MessageFiles(Clock.systemUTC());

	static String sha256(String text) throws NoSuchAlgorithmException {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	StoredMessage stored(String path, String sha256) {
		return new StoredMessage(1, 1, "send", path, 10, null, sha256, "RFC5322", "PARSED", null, null, null, List.of(),
				0, List.of(), null);
	}

	@Test
	void theFileIsComparedWithTheStoredHash() throws Exception {
		Files.createDirectories(this.root.resolve("send"));
		Files.writeString(this.root.resolve("send/a.001"), MESSAGE);
		MessageFiles.Read same = this.files.read(this.root, stored("send/a.001", sha256(MESSAGE)));
		assertThat(same.integrity()).isEqualTo(Integrity.UNCHANGED);
		assertThat(same.rendered()).isNotNull();
		assertThat(this.files.read(this.root, stored("send/a.001", sha256("other"))).integrity())
			.isEqualTo(Integrity.CHANGED);
		assertThat(this.files.read(this.root, stored("send/a.001", null)).integrity())
			.isEqualTo(Integrity.NOT_RECORDED);
		MessageFiles.Read gone = this.files.read(this.root, stored("send/gone.001", sha256(MESSAGE)));
		assertThat(gone.integrity()).isEqualTo(Integrity.VANISHED);
		assertThat(gone.rendered()).isNull();
	}

	@Test
	void aSymbolicLinkOrAPathOutOfTheRootIsNotRead() throws IOException {
		Files.createDirectories(this.root.resolve("send"));
		Path outside = Files.writeString(this.root.resolveSibling(this.root.getFileName() + "-secret"), MESSAGE);
		Files.createSymbolicLink(this.root.resolve("send/link.001"), outside);
		assertThat(this.files.read(this.root, stored("send/link.001", null)).integrity())
			.isEqualTo(Integrity.UNREADABLE);
		assertThat(this.files.read(this.root, stored("../" + outside.getFileName(), null)).rendered()).isNull();
		assertThat(this.files.raw(this.root, "send/link.001", 0)).isNull();
		assertThat(this.files.raw(this.root, "../" + outside.getFileName(), 0)).isNull();
	}

	@Test
	void rawRangesEndOnWholeCharactersAndShowNoControlCharacters() throws IOException {
		// 262,143 ASCII bytes then a 2-byte character across the 256 KiB boundary.
		byte[] bytes = ("x".repeat(262_143) + "é\u0000\u001b[31mred\tend\r\n").getBytes(StandardCharsets.UTF_8);
		Files.write(this.root.resolve("big.001"), bytes);
		RawChunk first = this.files.raw(this.root, "big.001", 0);
		assertThat(first.nextOffset()).isEqualTo(262_143);
		assertThat(first.more()).isTrue();
		assertThat(first.fileSize()).isEqualTo(bytes.length);
		RawChunk second = this.files.raw(this.root, "big.001", first.nextOffset());
		assertThat(second.text()).isEqualTo("é\uFFFD\uFFFD[31mred\tend\r\n");
		assertThat(second.more()).isFalse();
		assertThat(this.files.raw(this.root, "big.001", bytes.length + 10).text()).isEmpty();
	}

	@Test
	void wholeCharactersHoldsBackOnlyAnIncompleteSequence() {
		byte[] euro = "a€".getBytes(StandardCharsets.UTF_8);
		assertThat(MessageFiles.wholeCharacters(euro, euro.length)).isEqualTo(4);
		assertThat(MessageFiles.wholeCharacters(euro, 3)).isEqualTo(1);
		assertThat(MessageFiles.wholeCharacters(euro, 2)).isEqualTo(1);
		byte[] emoji = "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8);
		assertThat(MessageFiles.wholeCharacters(emoji, 3)).isZero();
		assertThat(MessageFiles.wholeCharacters(emoji, 4)).isEqualTo(4);
		assertThat(MessageFiles.text(new byte[] { (byte) 0xff, 'a' }, 2)).isEqualTo("\uFFFDa");
	}

	@Test
	void aRewrittenFileIsReadAgainWhileTheSameFileIsRenderedOnce() throws Exception {
		Files.createDirectories(this.root.resolve("send"));
		Path file = this.root.resolve("send/a.001");
		Files.writeString(file, MESSAGE);
		MessageFiles.Read first = this.files.read(this.root, stored("send/a.001", null));
		assertThat(this.files.read(this.root, stored("send/a.001", null))).isSameAs(first);
		assertThat(this.files.cache().size()).isEqualTo(1);
		Files.writeString(file, MESSAGE.replace("Hello", "Changed text"));
		MessageFiles.Read second = this.files.read(this.root, stored("send/a.001", null));
		assertThat(second).isNotSameAs(first);
		assertThat(second.rendered().textBody()).contains("Changed text");
	}

}
