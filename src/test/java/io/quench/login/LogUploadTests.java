package io.quench.login;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.quench.source.IngestRun;
import io.quench.source.SourceService;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = "quench.test.context=upload")
@AutoConfigureMockMvc
class LogUploadTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SourceService sources;

	@Autowired
	JdbcClient jdbc;

	private static final String POA_LINE = "08:15:00 1F3 C/S Login winnt Net Id=jdoe :: GW Id=jdoe :: 203.0.113.45\n";

	@Test
	void aLogWithoutADateInItsNameIsStoredUnderTheGivenDayAndReadAtOnce() throws Exception {
		String operator = "uploader";
		createOperator(operator, io.quench.user.Role.OPERATOR);
		MockMultipartFile file = new MockMultipartFile("file", "poa-export (1).txt", "text/plain",
				POA_LINE.getBytes(StandardCharsets.UTF_8));
		String location = this.mvc
			.perform(multipart("/logins/upload").file(file)
				.param("kind", "POA_LOG")
				.param("date", "2026-12-03")
				.param("zone", "Europe/Berlin")
				.with(csrf())
				.with(user(operator).roles("OPERATOR")))
			.andExpect(redirectedUrlPattern("/sources/runs/*"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		long runId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
		signIn();
		try {
			await().pollInSameThread().atMost(Duration.ofSeconds(30)).until(() -> !this.sources.run(runId).running());
			IngestRun run = this.sources.run(runId);
			assertThat(run.status()).isEqualTo(IngestRun.Status.SUCCEEDED);
			assertThat(run.events()).isEqualTo(1);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
		assertThat(this.jdbc.sql("select at from log_event where gw_id = 'jdoe' and file_name = '1203poa.001'")
			.query(java.time.OffsetDateTime.class)
			.single()
			.toInstant()).isEqualTo(java.time.Instant.parse("2026-12-03T07:15:00Z"));
		Path stored = this.sources.uploadsDir();
		try (var files = Files.walk(stored)) {
			assertThat(files.filter(Files::isRegularFile).map((p) -> p.getFileName().toString()).toList())
				.contains("1203poa.001")
				.noneMatch((name) -> name.contains("export"));
		}
	}

	@Test
	void aViewerCannotUpload() throws Exception {
		createOperator("upviewer", io.quench.user.Role.VIEWER);
		MockMultipartFile file = new MockMultipartFile("file", "1203poa.001", "text/plain",
				POA_LINE.getBytes(StandardCharsets.UTF_8));
		this.mvc
			.perform(multipart("/logins/upload").file(file)
				.param("kind", "POA_LOG")
				.with(csrf())
				.with(user("upviewer").roles("VIEWER")))
			.andExpect(status().isForbidden());
	}

	@Test
	void anUploadWithoutCsrfTokenIsRefused() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "1203poa.001", "text/plain",
				POA_LINE.getBytes(StandardCharsets.UTF_8));
		this.mvc
			.perform(multipart("/logins/upload").file(file).param("kind", "POA_LOG").with(user("x").roles("OPERATOR")))
			.andExpect(status().isForbidden());
	}

	@Test
	void theUploadedNameIsNeverUsedAsAPath() {
		assertThat(LogUploadService.storedName(io.quench.source.SourceKind.POA_LOG, "../../etc/1203poa.001", null))
			.isEqualTo("1203poa.001");
		assertThat(LogUploadService.storedName(io.quench.source.SourceKind.POA_LOG, "..\\..\\evil.sh",
				java.time.LocalDate.of(2026, 1, 2)))
			.isEqualTo("0102poa.001");
		assertThatThrownBy(() -> LogUploadService.storedName(io.quench.source.SourceKind.POA_LOG, "export.txt", null))
			.isInstanceOf(LogUploadException.class);
		assertThatThrownBy(() -> LogUploadService.storedName(io.quench.source.SourceKind.GWIA_LOG, "1203poa.001", null))
			.isInstanceOf(LogUploadException.class);
	}

	@Autowired
	io.quench.user.OperatorService operators;

	private void createOperator(String name, io.quench.user.Role role) {
		signIn();
		try {
			this.operators.create(name, role, "admin");
		}
		catch (io.quench.user.OperatorRuleViolation ex) {
			// exists from an earlier test in this context
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static void signIn() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("admin", null,
					List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
	}

}
