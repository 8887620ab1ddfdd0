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

@SpringBootTest
@ActiveProfiles("demo")
@AutoConfigureMockMvc
class DemoUsersTests {

	@Autowired
	MockMvc mvc;

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
