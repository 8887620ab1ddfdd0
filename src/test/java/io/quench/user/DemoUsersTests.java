package io.quench.user;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest(properties = { "quench.demo.messages=400", "quench.demo.days=2" })
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class DemoUsersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * A data folder of its own: the demo incident is generated only where none exists
	 * yet.
	 */
	@org.springframework.test.context.DynamicPropertySource
	static void dataDir(org.springframework.test.context.DynamicPropertyRegistry registry) throws java.io.IOException {
		java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("quench-demo-test");
		registry.add("quench.data-dir", dir::toString);
	}

	@Test
	void theDemoIncidentIsGeneratedDeclaredAsSourcesAndRead() {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(60))
			.until(() -> this.jdbc.sql("select count(*) from ingest_run where status = 'SUCCEEDED'")
				.query(Long.class)
				.single() >= 4);
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select name from source order by name").query(String.class).list())
			.containsExactly("Demo GWIA logs", "Demo GWIA queue", "Demo POA logs", "Demo user directory");
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select count(*) from queue_message").query(Long.class).single())
			.isEqualTo(400);
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select count(*) from log_event where event_type = 'LOGIN_SUCCESS'")
				.query(Long.class)
				.single())
			.isPositive();
		org.assertj.core.api.Assertions
			.assertThat(this.jdbc.sql("select count(*) from directory_account").query(Long.class).single())
			.isPositive();
	}

	@Test
	void theLoginPageNamesTheDemoUsersAndPassword() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(content().string(containsString("Demo mode")))
			.andExpect(content().string(containsString("quench-demo")));
	}

	@ParameterizedTest
	@CsvSource({ "viewer, 403", "operator, 403", "approver, 403", "admin, 200" })
	void eachDemoUserLogsInWithTheDemoPasswordAndGetsItsRole(String user, int adminPageStatus) throws Exception {
		MockHttpSession session = (MockHttpSession) this.mvc.perform(
				post("/login").param("username", user).param("password", "quench-demo").with(csrf()).with((request) -> {
					request.setRemoteAddr("10.88.0." + Math.abs(user.hashCode() % 200));
					return request;
				}))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/suspects").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().is(adminPageStatus));
	}

}
