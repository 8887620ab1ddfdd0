package io.quench.queue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** The service's numbers come from the repository; its methods are guarded. */
@SpringJUnitConfig
class QueueOverviewServiceTests {

	static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

	@Configuration
	@EnableMethodSecurity
	static class Config {

		@Bean
		QueueOverviewService queueOverviewService(QueueOverviewRepository repository) {
			Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
			return new QueueOverviewService(repository,
					new QueueOverviewCache(QueueOverviewCache.loader(repository, clock), clock, Runnable::run, null));
		}

	}

	@MockitoBean
	QueueOverviewRepository repository;

	@Autowired
	QueueOverviewService queues;

	@Test
	void withoutAnOperatorNothingIsRead() {
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.queues.overview(QueueOverviewQuery.all()));
		assertThatExceptionOfType(AuthenticationCredentialsNotFoundException.class)
			.isThrownBy(() -> this.queues.depth(null, null, null));
	}

	@Test
	@WithMockUser(roles = "NOBODY")
	void anotherRoleIsRefused() {
		assertThatExceptionOfType(AuthorizationDeniedException.class)
			.isThrownBy(() -> this.queues.overview(QueueOverviewQuery.all()));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aViewerGetsTheQueuedFoldersSeriesTheAgesAtTheClocksNowAndTheBurst() {
		Instant t = Instant.parse("2026-12-04T09:00:00Z");
		given(this.repository.depth(null, null, null)).willReturn(List.of(new DepthPoint(t, "SEND", 10, 1),
				new DepthPoint(t, "DEFER", 4, 1), new DepthPoint(t.plusSeconds(3600), "SEND", 500, 1),
				new DepthPoint(t.plusSeconds(3600), "DEFER", 4, 1)));
		given(this.repository.sources()).willReturn(Map.of());
		given(this.repository.topSendersNow(any())).willReturn(List.of());
		AgeDistribution ages = new AgeDistribution(List.of(), null, null);
		given(this.repository.ages(any(), any())).willReturn(ages);
		long h = t.getEpochSecond() / 3600;
		given(this.repository.queuedPerHour(any())).willReturn(Map.of(h - 1, 3L, h, 31L));

		QueueOverview overview = this.queues
			.overview(new QueueOverviewQuery(null, QueueOverviewQuery.Queue.SEND, null, null, null));
		assertThat(overview.depth()).extracting(DepthPoint::folder).containsOnly("SEND");
		assertThat(overview.summaries()).containsExactly(new DepthSummary("SEND", 500, 10, t, "up"));
		assertThat(overview.chart().series()).singleElement().satisfies((s) -> assertThat(s.dashed()).isFalse());
		assertThat(overview.burst().start()).isEqualTo(t);
		org.mockito.BDDMockito.then(this.repository).should().ages(any(), org.mockito.ArgumentMatchers.eq(NOW));
	}

	@Test
	@WithMockUser(roles = "VIEWER")
	void aBackwardDepthWindowIsRefused() {
		assertThatExceptionOfType(InvalidQueueQueryException.class).isThrownBy(() -> this.queues.depth(null,
				Instant.parse("2026-12-04T10:00:00Z"), Instant.parse("2026-12-04T09:00:00Z")));
	}

}
