package io.quench.census;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code census [--json] [--by address|sender] DIR...}: what the support KB (7021410)
 * computes with <pre>
 * grep -RPo "(?&lt;=&lt;EmailAddress&gt;)[^&lt;]*(?=&lt;/EmailAddress&gt;)" ./ | cut -d: -f2- | sort | uniq -c
 * </pre> and in the same {@code uniq -c} line format, but highest count first (ties by
 * address in byte order).
 * <p>
 * Counting rule ({@code --by address}, the default): every
 * {@code <EmailAddress>VALUE</EmailAddress>} whose value is not empty, contains no '&lt;'
 * and lies on one line ('\n' ends a line; a '\r' before it is part of the line, as for
 * grep), in every regular file below the folders. With {@code --by sender} each file
 * counts once, for the sender that the queue-file parser resolves. {@code --json} prints
 * one object, address to count, in the same order.
 * <p>
 * Where it deliberately differs from the pipeline (each difference is reported on stderr,
 * one line per file, never silently):
 * <ul>
 * <li>Symbolic links below the given folders are not followed ({@code grep -R} follows
 * them): a link planted in a queue folder must not make the census read, say,
 * {@code /etc}. Folders named on the command line are followed.</li>
 * <li>A file with a NUL byte anywhere counts nothing. grep treats it as binary: it prints
 * the matches of the buffers read before the first NUL and then one "binary file matches"
 * message (grep 3.5+ on stderr; older grep printed {@code Binary file X matches} on
 * stdout, which the pipeline then counted as an "address").</li>
 * <li>Bytes that are not valid UTF-8 are counted as they stand; grep in a UTF-8 locale
 * stops printing matches of a file at the first matching line with an encoding error
 * ("binary file matches").</li>
 * <li>Unreadable files, and files that vanish during the walk (the GWIA moves queue
 * files), are skipped with a note; grep prints its own error and goes on, so the counts
 * agree.</li>
 * <li>A line longer than 64 MiB is cut at that length.</li>
 * </ul>
 */
public final class CensusCommand {

	private CensusCommand() {
	}

	public static int run(String[] args, PrintStream out, PrintStream err) {
		boolean json = false;
		Census.Mode mode = Census.Mode.ADDRESS;
		List<Path> roots = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--json" -> json = true;
				case "--by" -> {
					if (i + 1 >= args.length) {
						return usage(err, "--by needs address or sender");
					}
					String by = args[++i];
					switch (by) {
						case "address" -> mode = Census.Mode.ADDRESS;
						case "sender" -> mode = Census.Mode.SENDER;
						default -> {
							return usage(err, "--by must be address or sender, not " + by);
						}
					}
				}
				case "-h", "--help" -> {
					usage(out, null);
					return 0;
				}
				default -> {
					if (arg.startsWith("--")) {
						return usage(err, "unknown option " + arg);
					}
					roots.add(Path.of(arg));
				}
			}
		}
		if (roots.isEmpty()) {
			return usage(err, "no folder given");
		}
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				err.println("census: not a folder: " + root);
				return 2;
			}
		}
		Census.Result result = Census.run(roots, mode, err::println);
		try {
			OutputStream sink = new BufferedOutputStream(out, 1 << 16);
			if (json) {
				Map<String, Long> counts = new LinkedHashMap<>();
				for (AddressCounts.Entry entry : result.entries()) {
					counts.merge(entry.address(), entry.count(), Long::sum);
				}
				sink.write(JsonMapper.builder().build().writeValueAsBytes(counts));
				sink.write('\n');
			}
			else {
				for (AddressCounts.Entry entry : result.entries()) {
					sink.write(String.format("%7d ", entry.count()).getBytes(StandardCharsets.US_ASCII));
					sink.write(entry.key());
					sink.write('\n');
				}
			}
			sink.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return 0;
	}

	/**
	 * The counts as a map, address to count, for callers in the same JVM (tests, the
	 * console).
	 */
	static Map<String, Long> count(List<Path> roots, boolean bySender, PrintStream err) {
		Census.Result result = Census.run(roots, bySender ? Census.Mode.SENDER : Census.Mode.ADDRESS, err::println);
		Map<String, Long> counts = new LinkedHashMap<>();
		for (AddressCounts.Entry entry : result.entries()) {
			counts.merge(entry.address(), entry.count(), Long::sum);
		}
		return counts;
	}

	private static int usage(PrintStream stream, String problem) {
		if (problem != null) {
			stream.println("census: " + problem);
		}
		stream.println("usage: census [--json] [--by address|sender] DIR...");
		return (problem != null) ? 2 : 0;
	}

}
