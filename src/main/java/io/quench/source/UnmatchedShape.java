package io.quench.source;

/**
 * Log lines that no pattern recognised, grouped by shape (numbers, addresses, ids
 * replaced by placeholders), with one sample line.
 */
public record UnmatchedShape(String shape, long count, String sample) {
}
