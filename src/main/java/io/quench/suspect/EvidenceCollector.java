package io.quench.suspect;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.quench.suspect.EvidenceRepository.Window;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins the database's per-sender and per-login-id aggregates into evidence per account
 * through the {@link IdentityMap} (the directory and the operators' identity links).
 */
@Component
class EvidenceCollector {

	private final EvidenceRepository repository;

	private final IdentityLinkRepository links;

	EvidenceCollector(EvidenceRepository repository, IdentityLinkRepository links) {
		this.repository = repository;
		this.links = links;
	}

	/**
	 * One read-only transaction, so that the PostgreSQL settings of the collection apply.
	 */
	@Transactional(readOnly = true)
	List<AccountEvidence> collect(Window window, TrustedHosts trusted) {
		this.repository.prepareCollection();
		IdentityMap identities = IdentityMap.of(this.repository.directory(), this.links.active());
		Map<String, Tally> tallies = new LinkedHashMap<>();
		Map<String, IdentityMap.Identity> senders = new HashMap<>();
		for (EvidenceRepository.FolderRow row : this.repository.queueByFolder(window)) {
			IdentityMap.Identity identity = senders.computeIfAbsent(row.sender(), identities::sender);
			Tally tally = tally(tallies, identity);
			tally.addresses.add(row.sender());
			tally.queued += row.messages();
			if ("DEFER".equals(row.folder())) {
				tally.deferred += row.messages();
			}
			tally.first = (tally.first == null || row.first().isBefore(tally.first)) ? row.first() : tally.first;
			tally.last = (tally.last == null || row.last().isAfter(tally.last)) ? row.last() : tally.last;
		}
		for (EvidenceRepository.DomainRow row : this.repository.recipientDomains(window)) {
			Tally tally = tally(tallies, senders.computeIfAbsent(row.sender(), identities::sender));
			tally.recipients += row.recipients();
			tally.distinctRecipients += row.addresses();
			tally.domains.add(row.domain());
			if (!identities.isLocal(row.domain())) {
				tally.externalRecipients += row.recipients();
			}
		}
		for (EvidenceRepository.CountRow row : this.repository.subjectTemplates(window)) {
			tally(tallies, senders.computeIfAbsent(row.sender(), identities::sender)).templates.merge(row.value(),
					row.count(), Long::sum);
		}
		for (EvidenceRepository.SlotRow row : this.repository.queueSlots(window)) {
			tally(tallies, senders.computeIfAbsent(row.sender(), identities::sender)).slots.merge(row.slot(),
					row.count(), Long::sum);
		}
		List<String> excluded = new ArrayList<>();
		Set<String> checked = new HashSet<>();
		for (EvidenceRepository.LoginRow row : this.repository.logins(window)) {
			if (row.ip() != null && checked.add(row.ip()) && trusted.contains(row.ip())) {
				excluded.add(row.ip());
			}
			if (trusted.contains(row.ip())) {
				continue;
			}
			IdentityMap.Identity identity = identities.login(row.gwId(), row.networkId());
			if (identity == null) {
				continue;
			}
			Tally tally = tally(tallies, identity);
			switch (row.eventType()) {
				case "LOGIN_SUCCESS" -> {
					tally.logins += row.count();
					tally.clientIps.add(row.ip());
					if (row.platform() != null) {
						tally.platforms.add(row.platform().toLowerCase(java.util.Locale.ROOT));
					}
				}
				case "SMTP_AUTH_SUCCESS" -> {
					tally.smtpAuthSuccesses += row.count();
					tally.clientIps.add(row.ip());
					tally.smtpAuthNetworks.add(Networks.of(row.ip()));
				}
				case "LOGIN_FAILURE" -> {
					tally.failedLogins += row.count();
					tally.failedIps.add(row.ip());
				}
				case "SMTP_AUTH_FAILURE" -> {
					tally.smtpAuthFailures += row.count();
					tally.failedIps.add(row.ip());
				}
				default -> {
				}
			}
		}
		for (EvidenceRepository.LoginMinuteRow row : this.repository.loginMinutes(window, excluded)) {
			IdentityMap.Identity identity = identities.login(row.gwId(), row.networkId());
			if (identity != null) {
				tally(tallies, identity).minutes.merge(row.minute(), row.count(), Long::sum);
			}
		}
		List<AccountEvidence> evidence = new ArrayList<>(tallies.size());
		tallies.forEach((key, tally) -> evidence.add(tally.evidence()));
		return evidence;
	}

	private static Tally tally(Map<String, Tally> tallies, IdentityMap.Identity identity) {
		return tallies.computeIfAbsent(identity.key(), (k) -> new Tally(identity));
	}

	/** What is known of one account while the rows come in. */
	private static final class Tally {

		final IdentityMap.Identity identity;

		final LinkedHashSet<String> addresses = new LinkedHashSet<>();

		long queued;

		long deferred;

		long recipients;

		long distinctRecipients;

		long externalRecipients;

		final Set<String> domains = new HashSet<>();

		final Map<String, Long> templates = new HashMap<>();

		final Map<Long, Long> slots = new HashMap<>();

		Instant first;

		Instant last;

		long logins;

		final Map<Long, Long> minutes = new HashMap<>();

		final Set<String> clientIps = new HashSet<>();

		final Set<String> failedIps = new HashSet<>();

		final Set<String> smtpAuthNetworks = new HashSet<>();

		final Set<String> platforms = new TreeSet<>();

		long failedLogins;

		long smtpAuthSuccesses;

		long smtpAuthFailures;

		Tally(IdentityMap.Identity identity) {
			this.identity = identity;
			this.addresses.addAll(identity.addresses());
		}

		AccountEvidence evidence() {
			Map.Entry<String, Long> top = this.templates.entrySet()
				.stream()
				.max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
				.orElse(null);
			long peakSlot = this.slots.values().stream().mapToLong(Long::longValue).max().orElse(0);
			long peak = Math.max(peakSlot, Math.min(1, this.queued));
			TreeMap<Long, Long> histogram = new TreeMap<>();
			this.minutes.values().forEach((count) -> histogram.merge(count, 1L, Long::sum));
			Set<String> networks = new HashSet<>();
			this.clientIps.forEach((ip) -> networks.add(Networks.of(ip)));
			networks.remove(null);
			this.clientIps.remove(null);
			this.failedIps.remove(null);
			this.smtpAuthNetworks.remove(null);
			return new AccountEvidence(this.identity.key(), this.identity.mapped(), List.copyOf(this.addresses),
					this.queued, this.deferred, this.recipients, this.distinctRecipients, this.domains.size(),
					this.externalRecipients, (top != null) ? top.getKey() : null, (top != null) ? top.getValue() : 0,
					peak, this.first, this.last, this.logins, histogram, this.clientIps.size(), networks.size(),
					this.failedLogins, this.failedIps.size(), this.smtpAuthSuccesses, this.smtpAuthNetworks.size(),
					this.smtpAuthFailures, List.copyOf(this.platforms));
		}

	}

}
