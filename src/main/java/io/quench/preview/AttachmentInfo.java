package io.quench.preview;

import java.util.Objects;

/**
 * A part that is not the text or HTML body: never rendered, only described.
 *
 * @param name the file name (RFC 2231 or RFC 2047 decoded), {@code null} if none
 * @param declaredType the declared MIME type, lower case
 * @param detectedType what the first bytes say: {@code pdf}, {@code zip}, {@code exe},
 * {@code elf}, {@code ole}, {@code rar}, {@code 7z}, {@code gzip}, {@code html},
 * {@code script}, {@code png}, {@code jpeg}, {@code gif}, {@code webp}, {@code svg},
 * {@code text} or {@code unknown}
 * @param size the decoded size in bytes
 * @param sha256 lower-case hex SHA-256 of the decoded content
 * @param disposition {@code attachment}, {@code inline} or {@code null} if not declared
 */
public record AttachmentInfo(String name, String declaredType, String detectedType, long size, String sha256,
		String disposition) {

	public AttachmentInfo {
		Objects.requireNonNull(declaredType, "declaredType");
		Objects.requireNonNull(detectedType, "detectedType");
		Objects.requireNonNull(sha256, "sha256");
	}

}
