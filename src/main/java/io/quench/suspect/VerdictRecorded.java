package io.quench.suspect;

import java.time.Instant;

/**
 * Published when an operator records a verdict on a suspect.
 *
 * @param account the account key (GroupWise id, or the unmapped address or login id)
 * @param verdict the new verdict
 * @param reason why, in the operator's words
 * @param actor who
 * @param at when
 */
public record VerdictRecorded(String account, Verdict verdict, String reason, String actor, Instant at) {
}
