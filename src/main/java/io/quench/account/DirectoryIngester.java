package io.quench.account;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.quench.source.IngestContext;
import io.quench.source.SourceIngester;
import io.quench.source.SourceKind;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads a directory export into the identity map, replacing the source's previous import
 * in one transaction (a failed read leaves the previous directory in place).
 */
@Component
class DirectoryIngester implements SourceIngester {

	private final DirectoryRepository directory;

	private final TransactionTemplate transactions;

	DirectoryIngester(DirectoryRepository directory, TransactionTemplate transactions) {
		this.directory = directory;
		this.transactions = transactions;
	}

	@Override
	public boolean supports(SourceKind kind) {
		return kind == SourceKind.DIRECTORY;
	}

	@Override
	public void ingest(IngestContext context) throws IOException {
		Path file = context.source().path();
		if (!Files.isRegularFile(file)) {
			throw new IOException("The directory export " + file + " is not a file (or is not reachable)");
		}
		long size = Files.size(file);
		context.total(1, size);
		long sourceId = context.source().id();
		String sha256 = sha256(file);
		if (sha256.equals(this.directory.lastImport(sourceId))) {
			// The same export as last time: nothing to replace, and nothing changed.
			context.skipped(1);
			context.done(1, size);
			return;
		}
		AtomicLong stored = new AtomicLong();
		Set<String> seen = new HashSet<>();
		this.transactions.executeWithoutResult((status) -> {
			this.directory.deleteSource(sourceId);
			try (Reader reader = new java.io.InputStreamReader(Files.newInputStream(file),
					StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE))) {
				DirectoryCsv.read(reader, (entry) -> {
					if (!seen.add(entry.gwId())) {
						context.failed(file + ": " + entry.gwId(),
								"the GroupWise id appears twice; the first row counts");
						return;
					}
					this.directory.insert(sourceId, entry);
					stored.incrementAndGet();
				}, (row, problem) -> context.failed(file + ":" + row, problem));
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
			this.directory.recordImport(sourceId, sha256, context.clock().instant());
		});
		context.ok(1);
		context.events(stored.get());
		context.done(1, size);
	}

	private static String sha256(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			byte[] buffer = new byte[64 * 1024];
			for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
				digest.update(buffer, 0, n);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
