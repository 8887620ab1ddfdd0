package io.quench.suspect;

import java.time.Instant;

/**
 * Published when an operator removes an identity link (the link stays in the history).
 *
 * @param id the link's id
 * @param identifier the sender address or login id (lower case)
 * @param account the account it belonged to until now
 * @param reason why, in the operator's words
 * @param actor who
 * @param at when
 */
public record IdentityUnlinked(long id, String identifier, String account, String reason, String actor, Instant at) {
}
