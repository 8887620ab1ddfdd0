package io.quench.queue;

import java.time.Instant;

/**
 * The depth of one folder at one time (summed over the selected queue sources).
 *
 * @param at when the scan that measured it ended
 * @param folder {@code SEND} or {@code DEFER}
 * @param messages files present
 * @param bytes their total size
 */
public record DepthPoint(Instant at, String folder, long messages, long bytes) {
}
