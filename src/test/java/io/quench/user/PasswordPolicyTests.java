package io.quench.user;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	@Test
	void rejectsPasswordsShorterThanTheMinimum() {
		assertThat(PasswordPolicy.violation("jdoe", "short-pass1")).isEqualTo("password.tooShort");
		assertThat(PasswordPolicy.violation("jdoe", "long-enough-pass")).isNull();
	}

	@Test
	void rejectsPasswordsThatContainTheUserName() {
		assertThat(PasswordPolicy.violation("jdoe", "my-JDOE-password")).isEqualTo("password.containsUsername");
	}

	@Test
	void rejectsPasswordsLongerThanBcryptReads() {
		assertThat(PasswordPolicy.violation("jdoe", "x".repeat(73))).isEqualTo("password.tooLong");
		assertThat(PasswordPolicy.violation("jdoe", "ä".repeat(37))).isEqualTo("password.tooLong");
	}

	@Test
	void generatedPasswordsAreLongEnoughAndDiffer() {
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 200; i++) {
			String password = PasswordPolicy.generate();
			assertThat(PasswordPolicy.violation("admin", password)).isNull();
			assertThat(seen.add(password)).isTrue();
		}
	}

	@Test
	void userNamesAreCaseInsensitiveAndRestricted() {
		assertThat(Usernames.normalize("  JDoe ")).isEqualTo("jdoe");
		assertThat(Usernames.isValid("jdoe")).isTrue();
		assertThat(Usernames.isValid("j")).isFalse();
		assertThat(Usernames.isValid("j doe")).isFalse();
		assertThat(Usernames.isValid("<script>")).isFalse();
	}

}
