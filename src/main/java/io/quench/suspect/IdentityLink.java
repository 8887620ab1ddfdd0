package io.quench.suspect;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An operator's link of a sender address or login id to an account, with its history.
 *
 * @param id the link's id
 * @param identifier the sender address or login id (lower case)
 * @param account the account key (a GroupWise id, or a free-form key)
 * @param reason why it was linked
 * @param linkedBy who linked it
 * @param linkedAt when
 * @param removedBy who removed it, or null while it is active
 * @param removedAt when, or null
 * @param removalReason why, or null
 */
public record IdentityLink(long id, String identifier, String account, String reason, String linkedBy, Instant linkedAt,
		String removedBy, Instant removedAt, String removalReason) {

	@JsonProperty("active")
	public boolean active() {
		return this.removedAt == null;
	}

}
