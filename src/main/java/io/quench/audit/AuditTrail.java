package io.quench.audit;

import io.quench.preview.MessageViewed;
import io.quench.source.SourceChanged;
import io.quench.suspect.IdentityLinked;
import io.quench.suspect.IdentityUnlinked;
import io.quench.suspect.RankingThresholdsChanged;
import io.quench.suspect.VerdictRecorded;
import io.quench.user.OperatorAccountChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The audit hook point: every auditable event passes through here. Until the audit table
 * exists, each event becomes one line in the {@code quench.audit} log.
 */
@Component
class AuditTrail {

	private static final Logger audit = LoggerFactory.getLogger("quench.audit");

	@EventListener
	void on(OperatorAccountChanged event) {
		audit.info("operator={} change={} detail=\"{}\" actor={} at={}", event.username(), event.change(),
				event.detail(), event.actor(), event.at());
	}

	@EventListener
	void on(SourceChanged event) {
		audit.info("source=\"{}\" change={} detail=\"{}\" actor={} at={}", oneLine(event.source()), event.change(),
				oneLine(event.detail()), event.actor(), event.at());
	}

	@EventListener
	void on(VerdictRecorded event) {
		audit.info("account=\"{}\" verdict={} reason=\"{}\" actor={} at={}", oneLine(event.account()), event.verdict(),
				oneLine(event.reason()), event.actor(), event.at());
	}

	@EventListener
	void on(MessageViewed event) {
		audit.info("message={} viewed={} actor={} at={}", event.messageId(), oneLine(event.what()), event.actor(),
				event.at());
	}

	@EventListener
	void on(RankingThresholdsChanged event) {
		for (RankingThresholdsChanged.Change change : event.changes()) {
			audit.info("rankingThreshold={} from={} to={} reset={} actor={} at={}", oneLine(change.threshold()),
					oneLine(change.from()), oneLine(change.to()), change.reset(), event.actor(), event.at());
		}
	}

	@EventListener
	void on(IdentityLinked event) {
		audit.info("identity-link={} identifier=\"{}\" account=\"{}\" linked reason=\"{}\" actor={} at={}", event.id(),
				oneLine(event.identifier()), oneLine(event.account()), oneLine(event.reason()), event.actor(),
				event.at());
	}

	@EventListener
	void on(IdentityUnlinked event) {
		audit.info("identity-link={} identifier=\"{}\" account=\"{}\" unlinked reason=\"{}\" actor={} at={}",
				event.id(), oneLine(event.identifier()), oneLine(event.account()), oneLine(event.reason()),
				event.actor(), event.at());
	}

	/**
	 * Source names and paths are typed freely: keep each event on one line and its quotes
	 * balanced.
	 */
	private static String oneLine(String text) {
		return (text == null) ? "" : text.replaceAll("[\\r\\n\\t]", " ").replace('"', '\'');
	}

}
