package io.quench.suspect;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecipientDomainTallyTests {

	@Test
	void countsEveryRowAndEachSendersAddressOnce() {
		RecipientDomainTally tally = new RecipientDomainTally();
		add(tally, "a@x.org", "one@example.com");
		add(tally, "a@x.org", "one@example.com");
		add(tally, "a@x.org", "two@example.com");
		add(tally, "b@x.org", "one@example.com");
		add(tally, "a@x.org", "three@example.net");

		assertThat(tally.rows()).containsExactlyInAnyOrder(
				new EvidenceRepository.DomainRow("a@x.org", "example.com", 3, 2),
				new EvidenceRepository.DomainRow("a@x.org", "example.net", 1, 1),
				new EvidenceRepository.DomainRow("b@x.org", "example.com", 1, 1));
	}

	@Test
	void countsInPartsAddUpToOnePass() {
		RecipientDomainTally once = new RecipientDomainTally();
		RecipientDomainTally inParts = new RecipientDomainTally();
		int parts = 4;
		for (int part = 0; part < parts; part++) {
			for (int i = 0; i < 20_000; i++) {
				String sender = "s" + (i % 13) + "@x.org";
				// 3,900 distinct pairs in 20,000 rows (13 senders, 300 addresses).
				String address = "r" + (i % 300) + "@d" + (i % 300 % 17) + ".example";
				long pair = RecipientDomainTally.pairHash(sender, address);
				if (part == 0) {
					once.add(sender, address.substring(address.indexOf('@') + 1), pair);
				}
				if (RecipientDomainTally.inPart(pair, part, parts)) {
					inParts.add(sender, address.substring(address.indexOf('@') + 1), pair);
				}
			}
			inParts.nextPart();
		}
		List<EvidenceRepository.DomainRow> rows = once.rows();
		assertThat(rows.stream().mapToLong(EvidenceRepository.DomainRow::recipients).sum()).isEqualTo(20_000);
		assertThat(rows).anyMatch((row) -> row.addresses() < row.recipients());
		assertThat(inParts.rows()).containsExactlyInAnyOrderElementsOf(rows);
		assertThat(once.pairs()).isEqualTo(3_900);
		assertThat(inParts.pairs()).isZero();
	}

	@Test
	void aPairHashDependsOnSenderAndAddressApart() {
		assertThat(RecipientDomainTally.pairHash("ab@x", "c@y"))
			.isNotEqualTo(RecipientDomainTally.pairHash("a@x", "bc@y"));
		assertThat(RecipientDomainTally.pairHash("a@x", "b@y"))
			.isNotEqualTo(RecipientDomainTally.pairHash("b@y", "a@x"));
		assertThat(RecipientDomainTally.pairHash("a@x", "b@y")).isEqualTo(RecipientDomainTally.pairHash("a@x", "b@y"));
	}

	private static void add(RecipientDomainTally tally, String sender, String address) {
		tally.add(sender, address.substring(address.indexOf('@') + 1), RecipientDomainTally.pairHash(sender, address));
	}

}
