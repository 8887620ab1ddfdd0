package io.quench.web;

import io.quench.support.PostgresTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The whole application on PostgreSQL instead of H2, selected by the datasource URL
 * alone.
 */
@SpringBootTest(properties = "quench.bootstrap.admin-password=Postgres-Admin-Pw1")
@AutoConfigureMockMvc
@PostgresTest
class PostgresApplicationPostgresTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOnPostgresql() {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
	}

	@Test
	void anAdminCreatesAnOperatorWhoMustThenChooseAPassword() throws Exception {
		MockHttpSession admin = login("admin", "Postgres-Admin-Pw1", "10.99.0.1");
		String body = this.mvc
			.perform(post("/admin/users").session(admin)
				.param("username", "pgoperator")
				.param("role", "OPERATOR")
				.header("HX-Request", "true")
				.with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String temporary = body.replaceAll("(?s).*<code class=\"secret\">([^<]+)</code>.*", "$1");
		assertThat(temporary).hasSizeGreaterThanOrEqualTo(12).doesNotContain("<");

		MockHttpSession operator = login("pgoperator", temporary, "10.99.0.2");
		this.mvc.perform(get("/queues").session(operator)).andExpect(redirectedUrl("/account/password"));
		MockHttpSession changed = (MockHttpSession) this.mvc
			.perform(post("/account/password").session(operator)
				.param("currentPassword", temporary)
				.param("newPassword", "Chosen-On-Postgres-1")
				.param("confirmPassword", "Chosen-On-Postgres-1")
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/queues").session(changed)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").session(changed)).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/users").session(admin)).andExpect(content().string(containsString("pgoperator")));
	}

	private MockHttpSession login(String username, String password, String address) throws Exception {
		return (MockHttpSession) this.mvc.perform(
				post("/login").param("username", username).param("password", password).with(csrf()).with((request) -> {
					request.setRemoteAddr(address);
					return request;
				}))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
	}

}
