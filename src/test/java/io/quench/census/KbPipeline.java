package io.quench.census;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the support KB's real pipeline (KB 7021410) with bash, grep, cut, sort and uniq,
 * inside each folder as the KB does, and adds up the counts.
 */
final class KbPipeline {

	static final String COMMAND = "grep -RPo \"(?<=<EmailAddress>)[^<]*(?=</EmailAddress>)\" ./ | cut -d: -f2- | sort | uniq -c";

	private KbPipeline() {
	}

	static Map<String, Long> counts(Path... folders) throws IOException, InterruptedException {
		Map<String, Long> counts = new TreeMap<>();
		for (Path folder : folders) {
			ProcessBuilder builder = new ProcessBuilder("bash", "-c", COMMAND).directory(folder.toFile())
				.redirectError(ProcessBuilder.Redirect.DISCARD);
			builder.environment().put("LC_ALL", "C.UTF-8");
			Process process = builder.start();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					String trimmed = line.stripLeading();
					int space = trimmed.indexOf(' ');
					counts.merge(trimmed.substring(space + 1), Long.parseLong(trimmed.substring(0, space)), Long::sum);
				}
			}
			if (process.waitFor() != 0) {
				throw new IllegalStateException("pipeline failed in " + folder);
			}
		}
		return counts;
	}

}
