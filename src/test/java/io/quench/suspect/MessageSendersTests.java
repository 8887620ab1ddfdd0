package io.quench.suspect;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSendersTests {

	@Test
	void findsTheSenderOfEveryIdPutAndNothingForOthers() {
		MessageSenders senders = new MessageSenders();
		Map<Long, String> expected = new HashMap<>();
		SplittableRandom random = new SplittableRandom(7);
		for (int i = 0; i < 50_000; i++) {
			// Ids as the sequence hands them out (blocks of 1,000), and some far apart.
			long id = (i % 10 == 0) ? random.nextLong(Long.MAX_VALUE) : 1 + (i / 700) * 1000L + i % 700;
			String sender = "s" + random.nextInt(40) + "@x.org";
			senders.put(id, sender);
			expected.put(id, sender);
		}
		assertThat(senders.size()).isEqualTo(expected.size());
		expected.forEach((id, sender) -> assertThat(senders.get(id)).isEqualTo(sender));
		assertThat(senders.get(0)).isNull();
		assertThat(senders.get(-5)).isNull();
		assertThat(senders.get(999)).isNull();
	}

	@Test
	void theLastSenderPutForAnIdWins() {
		MessageSenders senders = new MessageSenders();
		senders.put(42, "a@x.org");
		senders.put(42, "b@x.org");
		assertThat(senders.size()).isEqualTo(1);
		assertThat(senders.get(42)).isEqualTo("b@x.org");
	}

}
