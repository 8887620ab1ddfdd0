package io.quench.preview;

import java.time.Instant;

/**
 * Published when an operator looks at a queued message: its page, its HTML body or a
 * range of its raw source.
 *
 * @param messageId the queue message's id
 * @param actor who
 * @param at when
 * @param what {@code page}, {@code html} or {@code raw}
 */
public record MessageViewed(long messageId, String actor, Instant at, String what) {
}
