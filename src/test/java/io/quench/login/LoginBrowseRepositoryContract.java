package io.quench.login;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.quench.support.Sources;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@Import(LoginBrowseRepository.class)
abstract class LoginBrowseRepositoryContract {

	static final Instant T = Instant.parse("2026-12-04T10:00:00Z");

	@Autowired
	LoginBrowseRepository repository;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void noLogs() {
		Sources.delete(this.jdbc, 9301, 9302);
	}

	@BeforeEach
	void someEvents() {
		noLogs();
		source(9301, "poa", "POA_LOG");
		source(9302, "gwia", "GWIA_LOG");
		event(1, 0, "POA", "LOGIN_SUCCESS", "jdoe", "JDoe.net", null, "10.1.2.3", "winnt", null);
		event(2, 0, "POA", "LOGIN_SUCCESS", "asmith", null, null, "10.1.2.3", "winnt", null);
		event(3, 0, "POA", "LOGIN_FAILURE", "bob", null, null, "10.1.2.3", null, "D019");
		event(4, 60, "GWIA", "SMTP_AUTH_SUCCESS", "jdoe@example.org", null, null, "10.1.20.5", "smtp", null);
		event(5, 120, "GWIA", "SMTP_AUTH_FAILURE", "eve", null, null, "192.168.0.9", "smtp", null);
		event(6, 180, "GWIA", "MESSAGE_SENDER", null, null, "jdoe@example.org", null, null, null);
		event(7, 240, "POA", "LOGOUT", "JDOE", null, null, "10.1.2.3", null, null);
		event(8, 0, "POA", "LOGIN_SUCCESS", "jdoe", null, null, "10.1.2.3", "winnt", null);
		event(9, 300, "POA", "LOGIN_SUCCESS", "carol", null, null, "2001:db8::1", "soap", null);
	}

	private void source(long id, String name, String kind) {
		this.jdbc.sql("""
				insert into source (id, name, kind, path, zone, declared, enabled, created_at, updated_at)
				values (:id, :name, :kind, '/tmp/l', 'UTC', false, true, :now, :now)
				""")
			.param("id", id)
			.param("name", name)
			.param("kind", kind)
			.param("now", T.atOffset(ZoneOffset.UTC))
			.update();
	}

	void event(long id, long seconds, String kind, String type, String gwId, String networkId, String address,
			String ip, String platform, String error) {
		this.jdbc.sql("""
				insert into log_event (id, source_id, at, log_kind, event_type, gw_id, network_id, ip, platform,
					error_code, address, pattern, file_name, line_number, byte_offset, raw)
				values (:id, :source, :at, :kind, :type, :gw, :net, :ip, :platform, :error, :address, 'p',
					:file, :id, 0, :raw)
				""")
			.param("id", 930_000 + id)
			.param("source", "POA".equals(kind) ? 9301 : 9302)
			.param("at", T.plusSeconds(seconds).atOffset(ZoneOffset.UTC))
			.param("kind", kind)
			.param("type", type)
			.param("gw", gwId, java.sql.Types.VARCHAR)
			.param("net", networkId, java.sql.Types.VARCHAR)
			.param("ip", ip, java.sql.Types.VARCHAR)
			.param("platform", platform, java.sql.Types.VARCHAR)
			.param("error", error, java.sql.Types.VARCHAR)
			.param("address", address, java.sql.Types.VARCHAR)
			.param("file", "POA".equals(kind) ? "1204poa.001" : "1204log.001")
			.param("raw", "line " + id)
			.update();
	}

	private List<Long> ids(LoginQuery query) {
		return this.repository.events(query, 100).rows().stream().map((row) -> row.id() - 930_000).toList();
	}

	private static LoginQuery query(String account, String ip, Outcome outcome, LogKind kind) {
		return new LoginQuery(account, IpFilter.parse(ip), outcome, kind, null, null, null);
	}

	@Test
	void eventsAreNewestFirstWithTiesByIdDescending() {
		LoginEventPage page = this.repository.events(LoginQuery.all(), 100);
		assertThat(page.rows()).extracting((row) -> row.id() - 930_000)
			.containsExactly(9L, 7L, 6L, 5L, 4L, 8L, 3L, 2L, 1L);
		assertThat(page.next()).isNull();
		LoginEventRow first = page.rows().get(0);
		assertThat(first.at()).isEqualTo(T.plusSeconds(300));
		assertThat(first.kind()).isEqualTo("POA");
		assertThat(first.type()).isEqualTo("LOGIN_SUCCESS");
		assertThat(first.account()).isEqualTo("carol");
		assertThat(first.ip()).isEqualTo("2001:db8::1");
		assertThat(first.platform()).isEqualTo("soap");
		assertThat(first.file()).isEqualTo("1204poa.001");
		assertThat(first.line()).isEqualTo(930_009);
		assertThat(first.raw()).isEqualTo("line 9");
	}

	@Test
	void keysetPagesNeitherSkipNorRepeatEventsWithTheSameTime() {
		List<List<Long>> pages = new ArrayList<>();
		LoginQuery query = LoginQuery.all();
		while (true) {
			LoginEventPage page = this.repository.events(query, 2);
			pages.add(page.rows().stream().map((row) -> row.id() - 930_000).toList());
			if (page.next() == null) {
				break;
			}
			// Through the token, as the page and the API hand it out.
			query = query.withCursor(LoginCursor.parse(page.next().token()));
		}
		assertThat(pages).containsExactly(List.of(9L, 7L), List.of(6L, 5L), List.of(4L, 8L), List.of(3L, 2L),
				List.of(1L));
	}

	@Test
	void theAccountFilterMatchesTheGroupWiseIdNetworkIdOrAddressAsWrittenOrInOneCase() {
		assertThat(ids(query("jdoe", null, null, null))).containsExactly(7L, 8L, 1L);
		assertThat(ids(query("jdoe@example.org", null, null, null))).containsExactly(6L, 4L);
		assertThat(ids(query("JDoe.net", null, null, null))).containsExactly(1L);
		assertThat(ids(query("' or 1=1 --", null, null, null))).isEmpty();
	}

	@Test
	void theAccountColumnsAreMergedOncePerEventAndPagedByTheSameKeyset() {
		// Matches in the GroupWise id and the address at once: listed once.
		event(10, 60, "GWIA", "SMTP_AUTH_SUCCESS", "jdoe@example.org", null, "jdoe@example.org", "10.1.20.5", "smtp",
				null);
		List<List<Long>> pages = new ArrayList<>();
		LoginQuery query = query("jdoe@example.org", null, null, null);
		while (true) {
			LoginEventPage page = this.repository.events(query, 2);
			pages.add(page.rows().stream().map((row) -> row.id() - 930_000).toList());
			if (page.next() == null) {
				break;
			}
			query = query.withCursor(page.next());
		}
		assertThat(pages).containsExactly(List.of(6L, 10L), List.of(4L));
	}

	@Test
	void theIpFilterIsExactOrAWholeOctetPrefix() {
		assertThat(ids(query(null, "10.1.2.3", null, null))).containsExactly(7L, 8L, 3L, 2L, 1L);
		assertThat(ids(query(null, "10.1.2.0/24", null, null))).containsExactly(7L, 8L, 3L, 2L, 1L);
		assertThat(ids(query(null, "10.1.0.0/16", null, null))).containsExactly(7L, 4L, 8L, 3L, 2L, 1L);
		assertThat(ids(query(null, "10.0.0.0/8", null, null))).containsExactly(7L, 4L, 8L, 3L, 2L, 1L);
		assertThat(ids(query(null, "10.1.2", null, null))).isEmpty();
		assertThat(ids(query(null, "2001:db8::1", null, null))).containsExactly(9L);
	}

	@Test
	void theOutcomeKindAndWindowFiltersCombine() {
		assertThat(ids(query(null, null, Outcome.LOGIN_SUCCESS, null))).containsExactly(9L, 8L, 2L, 1L);
		assertThat(ids(query(null, null, Outcome.LOGIN_FAILURE, null))).containsExactly(3L);
		assertThat(ids(query(null, null, Outcome.SMTP_AUTH_SUCCESS, null))).containsExactly(4L);
		assertThat(ids(query(null, null, Outcome.SMTP_AUTH_FAILURE, null))).containsExactly(5L);
		assertThat(ids(query(null, null, Outcome.OTHER, null))).containsExactly(7L, 6L);
		assertThat(ids(query(null, null, null, LogKind.GWIA))).containsExactly(6L, 5L, 4L);
		assertThat(ids(query("jdoe", "10.1.2.0/24", Outcome.LOGIN_SUCCESS, LogKind.POA))).containsExactly(8L, 1L);
		assertThat(ids(new LoginQuery(null, null, null, null, T.plusSeconds(60), T.plusSeconds(240), null)))
			.containsExactly(6L, 5L, 4L);
	}

	@Test
	void theIpViewCountsDistinctAccountsLoggedIntoFailuresAndFirstAndLastLogin() {
		IpPage page = this.repository.ips(LoginQuery.all(), 0, 5);
		assertThat(page.totalIps()).isEqualTo(4);
		assertThat(page.rows()).extracting(IpRow::ip)
			.containsExactly("10.1.2.3", "10.1.20.5", "2001:db8::1", "192.168.0.9");
		IpRow shared = page.rows().get(0);
		// Successes 1, 2, 8 (jdoe twice, asmith); failure 3; the logout (7) is no login.
		assertThat(shared).isEqualTo(new IpRow("10.1.2.3", 2, 3, 1, T, T, List.of("asmith", "jdoe")));
		assertThat(page.rows().get(1)).isEqualTo(
				new IpRow("10.1.20.5", 1, 1, 0, T.plusSeconds(60), T.plusSeconds(60), List.of("jdoe@example.org")));
		assertThat(page.rows().get(3))
			.isEqualTo(new IpRow("192.168.0.9", 0, 0, 1, T.plusSeconds(120), T.plusSeconds(120), List.of()));
		assertThat(page.spray(shared)).isFalse();
	}

	@Test
	void anAddressLoggingIntoManyAccountsComesFirstWithTheFirstTenListed() {
		for (int i = 0; i < 12; i++) {
			event(100 + i, 400 + i, "POA", "LOGIN_SUCCESS", String.format("u%02d", i), null, null, "10.9.9.9", "winnt",
					null);
		}
		event(200, 500, "POA", "LOGIN_FAILURE", "u99", null, null, "10.9.9.9", null, "D019");
		IpPage page = this.repository.ips(LoginQuery.all(), 0, 5);
		IpRow spray = page.rows().get(0);
		assertThat(spray.ip()).isEqualTo("10.9.9.9");
		assertThat(spray.accounts()).isEqualTo(12);
		assertThat(spray.successes()).isEqualTo(12);
		assertThat(spray.failures()).isEqualTo(1);
		assertThat(spray.firstSeen()).isEqualTo(T.plusSeconds(400));
		assertThat(spray.lastSeen()).isEqualTo(T.plusSeconds(500));
		assertThat(spray.accountList()).containsExactly("u00", "u01", "u02", "u03", "u04", "u05", "u06", "u07", "u08",
				"u09");
		assertThat(page.spray(spray)).isTrue();
		assertThat(page.totalIps()).isEqualTo(5);
	}

	@Test
	void theIpViewTakesTheKindIpAndWindowFilters() {
		assertThat(this.repository.ips(query(null, null, null, LogKind.GWIA), 0, 5).rows()).extracting(IpRow::ip)
			.containsExactly("10.1.20.5", "192.168.0.9");
		assertThat(this.repository.ips(query(null, "10.1.0.0/16", null, null), 0, 5).rows()).extracting(IpRow::ip)
			.containsExactly("10.1.2.3", "10.1.20.5");
		assertThat(
				this.repository.ips(new LoginQuery(null, null, null, null, T.plusSeconds(1), null, null), 0, 5).rows())
			.extracting(IpRow::ip)
			.containsExactly("10.1.20.5", "2001:db8::1", "192.168.0.9");
		assertThat(this.repository.ips(LoginQuery.all(), 1, 5).rows()).isEmpty();
	}

}
