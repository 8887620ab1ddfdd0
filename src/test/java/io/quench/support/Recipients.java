package io.quench.support;

import java.util.ArrayList;
import java.util.List;

import io.quench.queue.RecipientList;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stored recipients for tests that write queue rows themselves: one
 * {@code queue_recipient_list} row per message ({@link RecipientList}).
 */
public final class Recipients {

	private Recipients() {
	}

	/** Adds a recipient address to the message's stored recipients. */
	public static void add(JdbcClient jdbc, long messageId, String address) {
		add(jdbc, messageId, RecipientList.Role.RECIPIENT, address);
	}

	/** Adds an address of this role to the message's stored recipients. */
	public static void add(JdbcClient jdbc, long messageId, RecipientList.Role role, String address) {
		List<RecipientList.Entry> entries = new ArrayList<>(of(jdbc, messageId));
		entries.add(new RecipientList.Entry(role, address));
		jdbc.sql("delete from queue_recipient_list where message_id = :id").param("id", messageId).update();
		jdbc.sql("insert into queue_recipient_list (message_id, entries) values (:id, :entries)")
			.param("id", messageId)
			.param("entries", RecipientList.encode(entries))
			.update();
	}

	/** The message's stored addresses, in stored order. */
	public static List<RecipientList.Entry> of(JdbcClient jdbc, long messageId) {
		return jdbc.sql("select entries from queue_recipient_list where message_id = :id")
			.param("id", messageId)
			.query(String.class)
			.optional()
			.map(RecipientList::decode)
			.orElse(List.of());
	}

	/** Stored addresses of every message of these sources. */
	public static long countOfSources(JdbcClient jdbc, List<Long> sourceIds) {
		long[] count = { 0 };
		jdbc.sql("""
				select r.entries from queue_recipient_list r join queue_message m on m.id = r.message_id
				where m.source_id in (:sources)
				""").param("sources", sourceIds).query((java.sql.ResultSet rs) -> {
			count[0] += RecipientList.decode(rs.getString(1)).size();
		});
		return count[0];
	}

}
