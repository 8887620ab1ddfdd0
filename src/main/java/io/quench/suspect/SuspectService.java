package io.quench.suspect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.quench.source.SourceService;
import io.quench.suspect.EvidenceRepository.Window;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranked suspects with their reasons, and the operators' verdicts on them. Reading is
 * for every operator, recording a verdict for OPERATOR and up.
 */
@Service
public class SuspectService {

	/** Longest verdict reason kept (the column's size). */
	static final int MAX_REASON = 1000;

	private final EvidenceCache evidence;

	private final VerdictRepository verdicts;

	private final ReasonText text;

	private final RankingSettings thresholds;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final SourceService sources;

	SuspectService(EvidenceCache evidence, VerdictRepository verdicts, ReasonText text, RankingSettings thresholds,
			ApplicationEventPublisher events, Clock clock, SourceService sources) {
		this.sources = sources;
		this.evidence = evidence;
		this.verdicts = verdicts;
		this.text = text;
		this.thresholds = thresholds;
		this.events = events;
		this.clock = clock;
	}

	/** Every account with evidence in the window, highest score first. */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	public List<Suspect> ranking(RankingQuery query) {
		// The effective thresholds: configured, with an admin's changes on top.
		return ranking(query, this.thresholds.effective());
	}

	List<Suspect> ranking(RankingQuery query, RankingProperties thresholds) {
		List<AccountEvidence> accounts = this.evidence.evidence(Window.of(query.from(), query.to()),
				thresholds.trustedHosts());
		return rank(accounts, thresholds);
	}

	/**
	 * The ranking for a page: waits at most {@code wait} for the evidence. While a first
	 * collection is still running it says so (with when it started and how long the last
	 * one took) instead of holding the page; while a newer one runs after stored progress
	 * it gives the last one with its time.
	 */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	public Ranking ranking(RankingQuery query, Duration wait) {
		RankingProperties thresholds = this.thresholds.effective();
		Window window = Window.of(query.from(), query.to());
		var lookup = this.evidence.evidence(window, thresholds.trustedHosts(), wait);
		if (lookup.isEmpty()) {
			return new Ranking(null, null, this.evidence.collectingSince(window, thresholds.trustedHosts()),
					this.evidence.lastTook(window, thresholds.trustedHosts()));
		}
		var snapshot = lookup.get().snapshot();
		return new Ranking(rank(snapshot.value(), thresholds), snapshot.collectedAt(),
				lookup.get().refreshing() ? this.evidence.collectingSince(window, thresholds.trustedHosts()) : null,
				snapshot.took());
	}

	/**
	 * A ranking for a page.
	 *
	 * @param suspects highest score first; null while the evidence is still being
	 * collected for the first time
	 * @param collectedAt when the evidence shown was collected (null with no suspects)
	 * @param collectingSince when the collection now running started (null when none
	 * runs)
	 * @param lastTook how long the last collection took (null before the first)
	 */
	public record Ranking(List<Suspect> suspects, Instant collectedAt, Instant collectingSince, Duration lastTook) {

		public boolean ready() {
			return this.suspects != null;
		}

	}

	/**
	 * Collects the evidence of the default window (the whole incident) in the background
	 * once the application is up, so that the first operator to open Suspects does not
	 * wait for it. When the start-up scans are running it only remembers the window:
	 * their end collects it (once, not once now and again per scan).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.LOWEST_PRECEDENCE)
	void warmUp() {
		try {
			Window all = Window.of(null, null);
			List<String> trusted = this.thresholds.effective().trustedHosts();
			this.evidence.remember(all, trusted);
			if (this.sources.running().isEmpty()) {
				this.evidence.warmUp(all, trusted);
			}
		}
		catch (RuntimeException ex) {
			// Only an optimisation: the first request collects it then.
		}
	}

	private List<Suspect> rank(List<AccountEvidence> accounts, RankingProperties thresholds) {
		Map<String, Verdict> current = this.verdicts.current();
		return Scorer.rank(accounts, thresholds)
			.stream()
			.map((scored) -> new Suspect(scored.evidence().key(), scored.evidence().mapped(),
					scored.evidence().addresses(), scored.score(), scored.loginPoints(), scored.queuePoints(),
					scored.likelyCompromised(), current.getOrDefault(scored.evidence().key(), Verdict.NEW),
					scored.reasons().stream().map(this.text::format).toList(),
					scored.evidence().publicEvidence(thresholds.humanLoginsPerMinute())))
			.toList();
	}

	/**
	 * Whether a scan is going on (on any instance): the ranking then moves as it stores
	 * more, and its numbers are provisional.
	 */
	@PreAuthorize("hasRole('VIEWER')")
	public boolean provisional() {
		return !this.sources.running().isEmpty();
	}

	/** Records a verdict (the history is kept) and publishes {@link VerdictRecorded}. */
	@PreAuthorize("hasRole('OPERATOR')")
	@Transactional
	public VerdictRecorded recordVerdict(String accountKey, Verdict verdict, String reason, String actor) {
		if (accountKey == null || accountKey.isBlank() || verdict == null) {
			throw new InvalidRankingQueryException("an account and a verdict are required");
		}
		if (reason == null || reason.isBlank() || reason.length() > MAX_REASON) {
			throw new InvalidRankingQueryException("a reason of 1 to " + MAX_REASON + " characters is required");
		}
		VerdictRecorded recorded = new VerdictRecorded(accountKey.strip(), verdict, reason.strip(), actor,
				this.clock.instant());
		this.verdicts.insert(recorded);
		this.events.publishEvent(recorded);
		return recorded;
	}

	/** An account's verdicts, oldest first. */
	@PreAuthorize("hasRole('VIEWER')")
	@Transactional(readOnly = true)
	public List<VerdictRecorded> verdicts(String accountKey) {
		return this.verdicts.history(accountKey);
	}

}
