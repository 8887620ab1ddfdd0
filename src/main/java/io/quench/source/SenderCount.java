package io.quench.source;

/**
 * A sender address and how many messages it has so far, for the live progress panel.
 */
public record SenderCount(String address, long count) {
}
