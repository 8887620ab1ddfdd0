package io.quench.source;

/**
 * A source with its latest run (null before the first scan).
 */
public record SourceOverview(Source source, IngestRun latestRun) {
}
