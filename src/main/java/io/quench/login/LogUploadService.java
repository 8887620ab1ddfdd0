package io.quench.login;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import io.quench.source.SourceDefinition;
import io.quench.source.SourceKind;
import io.quench.source.SourceService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Operators often download POA logs from the POA web console; they upload them here. The
 * file is kept below {@code <data-dir>/uploads} under a name that carries its date
 * ({@code MMDDpoa.001}), becomes a source of its own, and is scanned at once. The
 * uploaded name is never used as a path.
 */
@Service
public class LogUploadService {

	/** Uploads larger than this are refused: a POA writes far less per day. */
	public static final long MAX_BYTES = 2L * 1024 * 1024 * 1024;

	private final SourceService sources;

	private final Clock clock;

	LogUploadService(SourceService sources, Clock clock) {
		this.sources = sources;
		this.clock = clock;
	}

	/** What an upload became: the new source and the scan reading it. */
	public record Uploaded(long sourceId, long runId, String storedName) {
	}

	/**
	 * @param date the day the log starts; needed only when the file name does not carry
	 * it
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	public Uploaded upload(SourceKind kind, String originalName, InputStream content, LocalDate date, ZoneId zone,
			String actor) throws IOException {
		if (kind != SourceKind.POA_LOG && kind != SourceKind.GWIA_LOG) {
			throw new LogUploadException("upload.wrongKind");
		}
		String name = storedName(kind, originalName, date);
		Path folder = this.sources.uploadsDir().resolve(UUID.randomUUID().toString());
		Files.createDirectories(folder);
		Path target = folder.resolve(name);
		long copied;
		try (InputStream in = content) {
			copied = Files.copy(new LimitedInputStream(in, MAX_BYTES), target);
		}
		catch (LimitedInputStream.TooLarge ex) {
			Files.deleteIfExists(target);
			Files.deleteIfExists(folder);
			throw new LogUploadException("upload.tooLarge");
		}
		if (copied == 0) {
			Files.deleteIfExists(target);
			Files.deleteIfExists(folder);
			throw new LogUploadException("upload.empty");
		}
		if (date != null) {
			// The year of a log day comes from the file's mtime: make it the uploaded
			// day's.
			Files.setLastModifiedTime(target,
					FileTime.from(date.atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant()));
		}
		String sourceName = "upload " + displayName(originalName) + " "
				+ this.clock.instant().toString().substring(0, 19);
		long sourceId = this.sources.addUploaded(new SourceDefinition(sourceName, kind, target, zone, null), actor);
		long runId = this.sources.scan(sourceId, actor);
		return new Uploaded(sourceId, runId, name);
	}

	static String storedName(SourceKind kind, String originalName, LocalDate date) {
		String base = (originalName == null) ? "" : Path.of(originalName.replace('\\', '/')).getFileName() == null ? ""
				: Path.of(originalName.replace('\\', '/')).getFileName().toString();
		var parsed = LogFileName.parse(base.toLowerCase(Locale.ROOT));
		boolean kindMatches = parsed.isPresent()
				&& (parsed.get().kind() == LogKind.POA) == (kind == SourceKind.POA_LOG);
		if (date == null && kindMatches) {
			return base.toLowerCase(Locale.ROOT);
		}
		if (date == null) {
			throw new LogUploadException("upload.needsDate");
		}
		return "%02d%02d%s.001".formatted(date.getMonthValue(), date.getDayOfMonth(),
				(kind == SourceKind.POA_LOG) ? "poa" : "log");
	}

	private static String displayName(String originalName) {
		String name = (originalName == null || originalName.isBlank()) ? "log" : originalName;
		name = name.replaceAll("[^\\p{Alnum}._-]", "_");
		return name.length() > 40 ? name.substring(0, 40) : name;
	}

}
