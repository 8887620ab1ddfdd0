package io.quench.support;

import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Removes test sources with all they hold. Recipients go first: they have no foreign key
 * to their message (V13), so deleting a source cascades to its messages but not to their
 * recipients, and a later test that inserts the same message ids would find them again.
 */
public final class Sources {

	private Sources() {
	}

	/** Deletes every source. */
	public static void deleteAll(JdbcClient jdbc) {
		jdbc.sql("delete from queue_recipient_list").update();
		jdbc.sql("delete from source").update();
	}

	/** Deletes these sources. */
	public static void delete(JdbcClient jdbc, long... ids) {
		List<Long> list = Arrays.stream(ids).boxed().toList();
		jdbc.sql(
				"""
						delete from queue_recipient_list where message_id in (select id from queue_message where source_id in (:ids))
						""")
			.param("ids", list)
			.update();
		jdbc.sql("delete from source where id in (:ids)").param("ids", list).update();
	}

}
