package io.quench.suspect;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.quench.source.IngestRun;
import io.quench.source.IngestRunFinished;
import io.quench.source.SourceKind;
import io.quench.support.Recipients;
import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Thresholds changed at run time, stored in the database, re-rank on the next request: on
 * a small data set, lowering the human login rate moves an account above the "likely
 * compromised" line and resetting it moves it back. On H2 and PostgreSQL.
 */
@RecordApplicationEvents
abstract class RankingSettingsContract {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	SuspectService suspects;

	@Autowired
	RankingSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	ApplicationEvents recorded;

	private long nextMessage = 7_000_000;

	@BeforeEach
	void aSmallIncident() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("root", null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
		this.jdbc.sql("delete from ranking_threshold").update();
		Sources.deleteAll(this.jdbc);
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (9301, 'small', 'QUEUE', '/tmp/small', 'UTC', false, true, :now, :now)
				""").param("now", T.atOffset(ZoneOffset.UTC)).update();
		account(1, "jdoe");
		for (int i = 2; i <= 6; i++) {
			account(i, "user" + i);
		}
		// jdoe: 8 logins a minute for 6 minutes from one address (a person stays below
		// 10),
		// and 60 messages in one minute to outside domains (a burst: 2 queue points).
		for (int minute = 0; minute < 6; minute++) {
			for (int n = 0; n < 8; n++) {
				login("jdoe", T.plus(minute, ChronoUnit.MINUTES).plusSeconds(n * 7L));
			}
		}
		for (int n = 0; n < 60; n++) {
			message("jdoe@example.org", T.plusSeconds(n), "rcpt" + n + "@far" + (n % 7) + ".example");
		}
		for (int i = 2; i <= 6; i++) {
			login("user" + i, T.plus(i, ChronoUnit.HOURS));
			message("user" + i + "@example.org", T.plus(i, ChronoUnit.HOURS), "colleague@example.org");
		}
		// The evidence cache must not keep what other tests read.
		this.events.publishEvent(new IngestRunFinished(1, 9301, SourceKind.QUEUE, IngestRun.Status.SUCCEEDED));
	}

	@AfterEach
	void cleanUp() {
		this.jdbc.sql("delete from ranking_threshold").update();
		this.jdbc.sql("delete from directory_account where source_id = 9301").update();
		Sources.delete(this.jdbc, 9301);
		SecurityContextHolder.clearContext();
	}

	private void account(long id, String gwId) {
		this.jdbc.sql("""
				insert into directory_account (id, source_id, gw_id, network_id, preferred_address)
				values (:id, 9301, :gw, :gw, :address)
				""").param("id", 93_000 + id).param("gw", gwId).param("address", gwId + "@example.org").update();
		this.jdbc.sql("insert into directory_address (account_id, address, preferred) values (:id, :address, true)")
			.param("id", 93_000 + id)
			.param("address", gwId + "@example.org")
			.update();
	}

	private void login(String gwId, Instant at) {
		this.jdbc.sql("""
				insert into log_event (source_id, at, log_kind, event_type, gw_id, network_id, ip, platform,
					file_name, line_number, byte_offset, raw)
				values (9301, :at, 'POA', 'LOGIN_SUCCESS', :gw, :gw, '192.0.2.10', 'winnt', '1204poa.001', 1, 0, 'x')
				""").param("at", at.atOffset(ZoneOffset.UTC)).param("gw", gwId).update();
	}

	private void message(String sender, Instant mtime, String recipient) {
		long id = this.nextMessage++;
		this.jdbc.sql("""
				insert into queue_message (id, source_id, rel_path, path_hash, folder, size_bytes, mtime, dialect,
					status, sender, sender_domain, subject, recipient_count, first_seen, changed_at, run_id)
				values (:id, 9301, :path, :id, 'SEND', 100, :mtime, 'GWIA', 'PARSED', :sender, 'example.org',
					'Hello', 1, :now, :now, 1)
				""")
			.param("id", id)
			.param("path", "send/" + id)
			.param("mtime", mtime.atOffset(ZoneOffset.UTC))
			.param("sender", sender)
			.param("now", T.atOffset(ZoneOffset.UTC))
			.update();
		Recipients.add(this.jdbc, id, recipient);
	}

	private Suspect jdoe() {
		return this.suspects.ranking(RankingQuery.all())
			.stream()
			.filter((s) -> s.account().equals("jdoe"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void loweringTheHumanLoginRateMovesAnAccountAboveTheLineOnTheNextRequestAndAResetMovesItBack() {
		Suspect before = jdoe();
		assertThat(before.likelyCompromised()).isFalse();
		assertThat(before.queuePoints()).isGreaterThanOrEqualTo(2);
		assertThat(before.loginPoints()).isLessThan(3);

		RankingThresholdsChanged changed = this.settings.change(Map.of("human-logins-per-minute", "5"), "root");

		assertThat(changed.changes())
			.containsExactly(new RankingThresholdsChanged.Change("human-logins-per-minute", "10", "5", false));
		Suspect after = jdoe();
		assertThat(after.likelyCompromised()).isTrue();
		assertThat(after.reasons()).anyMatch((r) -> r.startsWith("peak 8 logins/min, 6 minutes above 5/min"));
		assertThat(this.recorded.stream(RankingThresholdsChanged.class)).containsExactly(changed);
		assertThat(this.settings.settings()).filteredOn((s) -> s.name().equals("human-logins-per-minute"))
			.singleElement()
			.satisfies((s) -> {
				assertThat(s.value()).isEqualTo("5");
				assertThat(s.defaultValue()).isEqualTo("10");
				assertThat(s.changed()).isTrue();
			});

		this.settings.reset("human-logins-per-minute", "root");

		assertThat(jdoe().likelyCompromised()).isFalse();
		assertThat(this.recorded.stream(RankingThresholdsChanged.class)).hasSize(2)
			.last()
			.satisfies((reset) -> assertThat(reset.changes())
				.containsExactly(new RankingThresholdsChanged.Change("human-logins-per-minute", "5", "10", true)));
	}

	@Test
	void aValueEqualToTheCurrentOneChangesNothingAndAnInvalidOneSavesNothing() {
		assertThat(this.settings.change(Map.of("human-logins-per-minute", "10", "external-share", "0.90"), "root"))
			.isNull();
		assertThatExceptionOfType(InvalidThresholdException.class).isThrownBy(
				() -> this.settings.change(Map.of("sustained-minutes", "3", "human-logins-per-minute", "0"), "root"));

		assertThat(this.jdbc.sql("select count(*) from ranking_threshold").query(Long.class).single()).isZero();
		assertThat(this.recorded.stream(RankingThresholdsChanged.class)).isEmpty();
	}

	@Test
	void anInvalidStoredValueIsIgnored() {
		this.jdbc.sql("""
				insert into ranking_threshold (name, setting_value, changed_by, changed_at)
				values ('human-logins-per-minute', '-3', 'someone', :at)
				""").param("at", T.atOffset(ZoneOffset.UTC)).update();

		assertThat(this.settings.effective().humanLoginsPerMinute()).isEqualTo(10);
		assertThat(jdoe().likelyCompromised()).isFalse();
	}

}
