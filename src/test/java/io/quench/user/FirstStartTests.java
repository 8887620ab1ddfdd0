package io.quench.user;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A first start without QUENCH_ADMIN_PASSWORD: the admin's one-time password is printed
 * once, and the first login leads to the password page until a new password is chosen.
 */
@SpringBootTest(properties = { "quench.bootstrap.admin-password=", "quench.test.context=first-start" })
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class FirstStartTests {

	private static final Pattern ONE_TIME = Pattern.compile("one-time password\\s+(\\S+)\\s");

	@Autowired
	MockMvc mvc;

	@Test
	void theOneTimePasswordIsPrintedAndTheFirstLoginForcesAChange(CapturedOutput output) throws Exception {
		Matcher matcher = ONE_TIME.matcher(output.getAll());
		assertThat(matcher.find()).as("the log shows the one-time password").isTrue();
		String oneTime = matcher.group(1);
		assertThat(oneTime).hasSizeGreaterThanOrEqualTo(PasswordPolicy.MIN_LENGTH);

		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(post("/login").param("username", "admin").param("password", oneTime).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();

		this.mvc.perform(get("/suspects").session(session)).andExpect(redirectedUrl(PasswordChange.PATH));
		this.mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl(PasswordChange.PATH));
		this.mvc.perform(get("/suspects").session(session).header("HX-Request", "true"))
			.andExpect(header().string("HX-Redirect", PasswordChange.PATH));
		this.mvc.perform(get(PasswordChange.PATH).session(session))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("temporary password")));

		this.mvc
			.perform(post(PasswordChange.PATH).session(session)
				.param("currentPassword", "not-the-password")
				.param("newPassword", "Operator-Chosen-Pw-1")
				.param("confirmPassword", "Operator-Chosen-Pw-1")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("current password is wrong")));
		this.mvc
			.perform(post(PasswordChange.PATH).session(session)
				.param("currentPassword", oneTime)
				.param("newPassword", "short")
				.param("confirmPassword", "short")
				.with(csrf()))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("too short")));
		this.mvc.perform(get("/suspects").session(session)).andExpect(redirectedUrl(PasswordChange.PATH));

		MockHttpSession changed = (MockHttpSession) this.mvc
			.perform(post(PasswordChange.PATH).session(session)
				.param("currentPassword", oneTime)
				.param("newPassword", "Operator-Chosen-Pw-1")
				.param("confirmPassword", "Operator-Chosen-Pw-1")
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/suspects").session(changed)).andExpect(status().isOk());

		this.mvc.perform(post("/login").param("username", "admin").param("password", oneTime).with(csrf()))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc
			.perform(post("/login").param("username", "admin").param("password", "Operator-Chosen-Pw-1").with(csrf()))
			.andExpect(redirectedUrl("/"));
		assertThat(output.getAll()).doesNotContain("Operator-Chosen-Pw-1");
	}

}
