package io.quench.login;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LoginCursorTests {

	@Test
	void aTokenCarriesTheTimeToTheMicrosecondAndTheId() {
		LoginCursor cursor = new LoginCursor(Instant.parse("2026-12-04T10:00:00.123456Z"), 42);
		assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
		assertThat(LoginCursor.parse(cursor.token())).isEqualTo(cursor);
		assertThat(LoginCursor.parse("")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "x", "!!!", "MjAyNi0xMi0wNFQxMDowMDowMFo", "bm90IGEgY3Vyc29yfDQy" })
	void anythingElseIsRefused(String token) {
		assertThatExceptionOfType(InvalidLoginQueryException.class).isThrownBy(() -> LoginCursor.parse(token));
	}

}
