package io.quench.suspect;

import java.time.Instant;

/**
 * Published when an operator links a sender address or login id to an account.
 *
 * @param id the link's id
 * @param identifier the sender address or login id (lower case)
 * @param account the account key it now belongs to (a GroupWise id, or a free-form key)
 * @param reason why, in the operator's words
 * @param actor who
 * @param at when
 */
public record IdentityLinked(long id, String identifier, String account, String reason, String actor, Instant at) {
}
