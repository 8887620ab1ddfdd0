package io.quench.queue;

import java.util.ArrayList;
import java.util.List;

import io.quench.queue.RecipientList.Entry;
import io.quench.queue.RecipientList.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientListTests {

	@Test
	void hostileAddressesComeBackAsTheyWentInLowerCased() {
		List<Entry> entries = List.of(new Entry(Role.RECIPIENT, "plain@example.org"),
				new Entry(Role.UNKNOWN, "Mixed.Case@Example.ORG"), new Entry(Role.RECIPIENT, "R12:not@a.prefix"),
				new Entry(Role.RECIPIENT, "line\nbreak@example.org"),
				new Entry(Role.RECIPIENT, "jürgen@bücher.example"), new Entry(Role.RECIPIENT, "U3:abc"),
				new Entry(Role.RECIPIENT, ""), new Entry(Role.UNKNOWN, "12345"),
				new Entry(Role.RECIPIENT, "x".repeat(320) + "@long.example"));

		List<Entry> decoded = RecipientList.decode(RecipientList.encode(entries));

		assertThat(decoded).hasSize(entries.size());
		for (int i = 0; i < entries.size(); i++) {
			assertThat(decoded.get(i).role()).isEqualTo(entries.get(i).role());
			assertThat(decoded.get(i).address()).isEqualTo(entries.get(i).address().toLowerCase(java.util.Locale.ROOT));
		}
	}

	@Test
	void nulCharactersAreDroppedSoThatTheLengthsStillHoldOnPostgresql() {
		String text = RecipientList.encode(
				List.of(new Entry(Role.RECIPIENT, "a\u0000b@example.org"), new Entry(Role.RECIPIENT, "c@example.org")));

		assertThat(text).doesNotContain("\u0000");
		assertThat(RecipientList.decode(text)).extracting(Entry::address)
			.containsExactly("ab@example.org", "c@example.org");
	}

	@Test
	void textThatBreaksTheFormatEndsTheReadingWithWhatCameBefore() {
		String good = RecipientList.encode(List.of(new Entry(Role.RECIPIENT, "a@x.example")));

		assertThat(RecipientList.decode(good + "X3:abc")).extracting(Entry::address).containsExactly("a@x.example");
		assertThat(RecipientList.decode(good + "R99:short")).extracting(Entry::address).containsExactly("a@x.example");
		assertThat(RecipientList.decode(good + "R:abc")).extracting(Entry::address).containsExactly("a@x.example");
		assertThat(RecipientList.decode(good + "R1a:b")).extracting(Entry::address).containsExactly("a@x.example");
		assertThat(RecipientList.decode(good + "R123456789:b")).extracting(Entry::address)
			.containsExactly("a@x.example");
		assertThat(RecipientList.decode(null)).isEmpty();
		assertThat(RecipientList.decode("")).isEmpty();
	}

	@Test
	void theVisitorSeesTheStoredOrder() {
		List<String> seen = new ArrayList<>();
		RecipientList.forEach(RecipientList.encode(List.of(new Entry(Role.RECIPIENT, "b@x"),
				new Entry(Role.UNKNOWN, "a@y"), new Entry(Role.RECIPIENT, "c@z"))),
				(role, address) -> seen.add(role.code() + address));

		assertThat(seen).containsExactly("Rb@x", "Ua@y", "Rc@z");
	}

	@Test
	void theDomainIsWhatFollowsTheLastAt() {
		assertThat(RecipientList.domain("a@b@Example.ORG")).isEqualTo("example.org");
		assertThat(new Entry(Role.RECIPIENT, "user@mail.example").domain()).isEqualTo("mail.example");
		assertThat(RecipientList.domain("no-at-sign")).isEmpty();
	}

}
