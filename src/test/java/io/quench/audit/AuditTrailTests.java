package io.quench.audit;

import java.time.Instant;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.quench.preview.MessageViewed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** Each audited event becomes one line of the {@code quench.audit} log. */
class AuditTrailTests {

	private final Logger log = (Logger) LoggerFactory.getLogger("quench.audit");

	private final ListAppender<ILoggingEvent> lines = new ListAppender<>();

	@BeforeEach
	void capture() {
		this.lines.start();
		this.log.addAppender(this.lines);
	}

	@AfterEach
	void release() {
		this.log.detachAppender(this.lines);
	}

	@Test
	void aMessageViewSaysWhichMessageWhatWhoAndWhen() {
		new AuditTrail().on(new MessageViewed(42, "viewer", Instant.parse("2026-12-04T12:00:00Z"), "html"));
		assertThat(this.lines.list).extracting(ILoggingEvent::getFormattedMessage)
			.containsExactly("message=42 viewed=html actor=viewer at=2026-12-04T12:00:00Z");
	}

}
