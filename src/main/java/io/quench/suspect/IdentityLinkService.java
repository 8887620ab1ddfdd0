package io.quench.suspect;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Operators' explicit identity links: a sender address or login id that the directory
 * does not know belongs to an account. Reading is for every operator, linking and
 * unlinking for OPERATOR and up; each change is kept (who, when, why) and published
 * ({@link IdentityLinked}, {@link IdentityUnlinked}), which re-ranks.
 */
@Service
public class IdentityLinkService {

	/** Longest identifier or account key (an SMTP address's limit). */
	static final int MAX_IDENTIFIER = 320;

	/** Longest reason kept (the column's size). */
	static final int MAX_REASON = 1000;

	private final IdentityLinkRepository links;

	private final EvidenceRepository evidence;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	IdentityLinkService(IdentityLinkRepository links, EvidenceRepository evidence, ApplicationEventPublisher events,
			Clock clock) {
		this.links = links;
		this.evidence = evidence;
		this.events = events;
		this.clock = clock;
	}

	/** Every link, active ones first, newest first. */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	public List<IdentityLink> links() {
		return this.links.all();
	}

	/**
	 * Links a sender address or login id to an account: a GroupWise id, network id or
	 * address of the directory (stored as the GroupWise id), or any key when there is no
	 * directory.
	 * @throws InvalidIdentityLinkException when a field is missing or malformed, the
	 * identifier is in the directory or already linked, or the directory does not know
	 * the account
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	@Transactional
	public IdentityLinked link(String identifier, String account, String reason, String actor) {
		String id = normalise(identifier, "links.invalid.identifier");
		String target = normalise(account, "links.invalid.account");
		String why = reason(reason);
		IdentityMap directory = IdentityMap.of(this.evidence.directory(), Map.of());
		if (directory.inDirectory(id)) {
			throw new InvalidIdentityLinkException("links.invalid.inDirectory",
					id + " is in the directory: the directory decides whom it belongs to");
		}
		if (directory.hasDirectory()) {
			IdentityMap.Identity known = directory.account(target);
			if (known == null) {
				throw new InvalidIdentityLinkException("links.invalid.unknownAccount",
						"the directory has no account " + target);
			}
			target = known.key();
		}
		if (id.equals(target)) {
			throw new InvalidIdentityLinkException("links.invalid.self", id + " cannot be linked to itself");
		}
		Instant at = this.clock.instant();
		long linkId = this.links.insert(id, target, why, actor, at)
			.orElseThrow(() -> new InvalidIdentityLinkException("links.invalid.duplicate",
					id + " is already linked: remove that link first"));
		IdentityLinked linked = new IdentityLinked(linkId, id, target, why, actor, at);
		this.events.publishEvent(linked);
		return linked;
	}

	/**
	 * Removes an active link; it stays in the history with who, when and why.
	 * @throws IdentityLinkNotFoundException when there is no such link
	 * @throws InvalidIdentityLinkException when the reason is missing or the link was
	 * already removed
	 */
	@PreAuthorize("hasRole('OPERATOR')")
	@Transactional
	public IdentityUnlinked unlink(long id, String reason, String actor) {
		String why = reason(reason);
		IdentityLink link = this.links.find(id).orElseThrow(() -> new IdentityLinkNotFoundException(id));
		Instant at = this.clock.instant();
		if (!this.links.remove(id, why, actor, at)) {
			throw new InvalidIdentityLinkException("links.invalid.removed", "link " + id + " is already removed");
		}
		IdentityUnlinked unlinked = new IdentityUnlinked(id, link.identifier(), link.account(), why, actor, at);
		this.events.publishEvent(unlinked);
		return unlinked;
	}

	/** Lower case, stripped; no spaces or control characters; 1 to 320 characters. */
	static String normalise(String text, String key) {
		String value = (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
		if (value.isEmpty() || value.length() > MAX_IDENTIFIER
				|| value.codePoints().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw new InvalidIdentityLinkException(key, "1 to " + MAX_IDENTIFIER + " characters without spaces");
		}
		return value;
	}

	private static String reason(String reason) {
		if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
			throw new InvalidIdentityLinkException("links.invalid.reason",
					"a reason of 1 to " + MAX_REASON + " characters is required");
		}
		return reason.strip();
	}

}
