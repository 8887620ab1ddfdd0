package io.quench.suspect;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.quench.db.BulkWriter;
import io.quench.db.StreamingReads;
import io.quench.queue.RecipientList;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ranking's aggregations, done by the database (GROUP BY), so that a million queued
 * messages and ten million log events come back as a few rows per account; the recipients
 * per sender and domain are counted in Java instead ({@link #recipientDomains}): each
 * message's addresses are one text value ({@link RecipientList}). The SQL is the same on
 * H2 (PostgreSQL mode) and PostgreSQL: {@code floor(extract(epoch from t) /
 * 60)} is the minute, {@code regexp_replace(..., 'g')} masks numbers on both.
 */
@Repository
class EvidenceRepository {

	/** "No lower bound": before any GroupWise system existed. */
	static final OffsetDateTime BEGINNING = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/** "No upper bound". */
	static final OffsetDateTime END = OffsetDateTime.of(9999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

	/**
	 * Memory for sorts and hash tables of one collection on PostgreSQL. The server's
	 * default (4 MB) makes the GROUP BYs over 10^6 recipients and 10^7 log events sort on
	 * disk ("external merge"); 128 MB keeps them in memory: at 10^5 messages and 2*10^6
	 * events the login aggregation went from 1.6 s to 0.7 s (docs/benchmarks.md). Set for
	 * the collection's own transaction only ({@code SET LOCAL}).
	 */
	static final String WORK_MEM = "128MB";

	private final JdbcClient jdbc;

	/** For the reads of every queued message ({@link #recipientDomains}). */
	private final StreamingReads streaming;

	private final boolean postgres;

	EvidenceRepository(JdbcClient jdbc, StreamingReads streaming, BulkWriter bulk) {
		this.jdbc = jdbc;
		this.streaming = streaming;
		this.postgres = bulk.postgres();
	}

	/** Call first in the collection's transaction. */
	void prepareCollection() {
		if (this.postgres) {
			this.jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
		}
	}

	record Window(OffsetDateTime from, OffsetDateTime to) {

		static Window of(Instant from, Instant to) {
			return new Window((from != null) ? from.atOffset(ZoneOffset.UTC) : BEGINNING,
					(to != null) ? to.atOffset(ZoneOffset.UTC) : END);
		}

	}

	record FolderRow(String sender, String folder, long messages, long recipients, Instant first, Instant last) {
	}

	record DomainRow(String sender, String domain, long recipients, long addresses) {
	}

	record CountRow(String sender, String value, long count) {
	}

	record SlotRow(String sender, long slot, long count) {
	}

	record LoginRow(String gwId, String networkId, String eventType, String ip, String platform, long count) {
	}

	record LoginMinuteRow(String gwId, String networkId, long minute, long count) {
	}

	List<IdentityMap.DirectoryRow> directory() {
		return this.jdbc.sql("""
				select a.gw_id, a.network_id, d.address, d.preferred
				from directory_account a left join directory_address d on d.account_id = a.id
				order by a.id, d.preferred desc, d.address
				""")
			.query((rs, row) -> new IdentityMap.DirectoryRow(rs.getString("gw_id"), rs.getString("network_id"),
					rs.getString("address"), rs.getBoolean("preferred")))
			.list();
	}

	/** Present messages per sender and folder. */
	List<FolderRow> queueByFolder(Window window) {
		return this.jdbc.sql("""
				select sender, folder, count(*) as messages, sum(recipient_count) as recipients,
					min(mtime) as first_queued, max(mtime) as last_queued
				from queue_message
				where gone_at is null and folder in ('SEND', 'DEFER') and sender is not null
					and mtime >= :from and mtime < :to
				group by sender, folder
				""")
			.param("from", window.from())
			.param("to", window.to())
			.query((rs, row) -> new FolderRow(rs.getString("sender"), rs.getString("folder"), rs.getLong("messages"),
					rs.getLong("recipients"), rs.getObject("first_queued", OffsetDateTime.class).toInstant(),
					rs.getObject("last_queued", OffsetDateTime.class).toInstant()))
			.list();
	}

	/**
	 * Distinct sender and address pairs one pass of {@link #recipientDomains} remembers
	 * at most: 16 bytes each at most, so 64 MB of heap. A 10^6-file incident's 5.8
	 * million recipients hold 777,102 pairs: one pass.
	 */
	static final int PAIRS_PER_PASS = 4_000_000;

	/**
	 * Recipients of present messages per sender and recipient domain, with the number of
	 * distinct recipient addresses: what {@code group by sender, domain, address} and
	 * then {@code group by sender, domain} would give if every address were a row.
	 */
	@Transactional(readOnly = true)
	List<DomainRow> recipientDomains(Window window) {
		return recipientDomains(window, PAIRS_PER_PASS);
	}

	/**
	 * {@link #recipientDomains} counted in Java: the senders of the window's present
	 * messages by message id, then every message's recipients, both tables read in stored
	 * order. A join fetching recipients one index entry at a time took 74 s of CPU on H2
	 * at 10^6 files against about 13 s for one pass here (docs/benchmarks.md, session 8).
	 * When a pass meets more than {@code pairsPerPass} distinct pairs, the count starts
	 * again in four times as many passes, each counting the pairs of one part (by hash).
	 * In one transaction, so that the rows stream ({@link StreamingReads}).
	 * @param pairsPerPass distinct sender and address pairs one pass may remember
	 */
	@Transactional(readOnly = true)
	List<DomainRow> recipientDomains(Window window, int pairsPerPass) {
		return this.streaming.lazilyGet(() -> {
			MessageSenders senders = new MessageSenders();
			this.streaming.client()
				.sql("""
						select id, sender from queue_message
						where gone_at is null and folder in ('SEND', 'DEFER') and sender is not null
							and mtime >= :from and mtime < :to
						""")
				.param("from", window.from())
				.param("to", window.to())
				.query((ResultSet rs) -> senders.put(rs.getLong(1), rs.getString(2)));
			if (senders.size() == 0) {
				return List.<DomainRow>of();
			}
			for (int parts = 1;; parts *= 4) {
				RecipientDomainTally tally = new RecipientDomainTally();
				if (countInParts(senders, tally, parts, pairsPerPass)) {
					return tally.rows();
				}
			}
		});
	}

	/** Whether every part's pass stayed within {@code pairsPerPass} pairs. */
	private boolean countInParts(MessageSenders senders, RecipientDomainTally tally, int parts, int pairsPerPass) {
		for (int part = 0; part < parts; part++) {
			int thisPart = part;
			try {
				this.streaming.client()
					.sql("select message_id, entries from queue_recipient_list")
					.query((ResultSet rs) -> {
						String sender = senders.get(rs.getLong(1));
						if (sender == null) {
							return;
						}
						RecipientList.forEach(rs.getString(2), (role, address) -> {
							if (role != RecipientList.Role.RECIPIENT) {
								return;
							}
							long pair = RecipientDomainTally.pairHash(sender, address);
							if (RecipientDomainTally.inPart(pair, thisPart, parts)) {
								tally.add(sender, RecipientList.domain(address), pair);
								if (tally.pairs() > pairsPerPass) {
									throw new TooManyPairs();
								}
							}
						});
					});
			}
			catch (TooManyPairs ex) {
				return false;
			}
			tally.nextPart();
		}
		return true;
	}

	/** A pass met more distinct pairs than it may remember: count in more parts. */
	private static final class TooManyPairs extends RuntimeException {

		TooManyPairs() {
			super(null, null, false, false);
		}

	}

	/**
	 * Present messages per sender and subject template: hex runs of 8 and more, then
	 * digit runs, become {@code #}.
	 */
	List<CountRow> subjectTemplates(Window window) {
		return this.jdbc.sql("""
				select sender, template, count(*) as messages
				from (
					select sender, regexp_replace(regexp_replace(coalesce(subject, ''),
						'[0-9A-Fa-f]{8,}', '#', 'g'), '[0-9]+', '#', 'g') as template
					from queue_message
					where gone_at is null and folder in ('SEND', 'DEFER') and sender is not null
						and mtime >= :from and mtime < :to
				) t
				group by sender, template
				""")
			.param("from", window.from())
			.param("to", window.to())
			.query((rs, row) -> new CountRow(rs.getString("sender"), rs.getString("template"), rs.getLong("messages")))
			.list();
	}

	/**
	 * Present messages per sender and 5-minute slot of their mtime, for slots with at
	 * least two (a sender with messages has a peak of at least one anyway).
	 */
	List<SlotRow> queueSlots(Window window) {
		return this.jdbc.sql("""
				select sender, slot, count(*) as messages
				from (
					select sender, cast(floor(extract(epoch from mtime) / 300) as bigint) as slot
					from queue_message
					where gone_at is null and folder in ('SEND', 'DEFER') and sender is not null
						and mtime >= :from and mtime < :to
				) t
				group by sender, slot
				having count(*) >= 2
				""")
			.param("from", window.from())
			.param("to", window.to())
			.query((rs, row) -> new SlotRow(rs.getString("sender"), rs.getLong("slot"), rs.getLong("messages")))
			.list();
	}

	/** Login events per login id, type, client address and platform. */
	List<LoginRow> logins(Window window) {
		return this.jdbc.sql("""
				select gw_id, network_id, event_type, ip, platform, count(*) as events
				from log_event
				where event_type in ('LOGIN_SUCCESS', 'LOGIN_FAILURE', 'SMTP_AUTH_SUCCESS', 'SMTP_AUTH_FAILURE')
					and (gw_id is not null or network_id is not null) and at >= :from and at < :to
				group by gw_id, network_id, event_type, ip, platform
				""")
			.param("from", window.from())
			.param("to", window.to())
			.query((rs, row) -> new LoginRow(rs.getString("gw_id"), rs.getString("network_id"),
					rs.getString("event_type"), rs.getString("ip"), rs.getString("platform"), rs.getLong("events")))
			.list();
	}

	/**
	 * Successful POA logins per login id and minute, for minutes with at least two,
	 * leaving out the given client addresses (trusted hosts).
	 */
	List<LoginMinuteRow> loginMinutes(Window window, List<String> excludedIps) {
		String sql = excludedIps.isEmpty() ? """
				select gw_id, network_id, minute_no, count(*) as logins
				from (
					select gw_id, network_id, cast(floor(extract(epoch from at) / 60) as bigint) as minute_no
					from log_event
					where event_type = 'LOGIN_SUCCESS' and (gw_id is not null or network_id is not null)
						and at >= :from and at < :to
				) t
				group by gw_id, network_id, minute_no
				having count(*) >= 2
				""" : """
				select gw_id, network_id, minute_no, count(*) as logins
				from (
					select gw_id, network_id, cast(floor(extract(epoch from at) / 60) as bigint) as minute_no
					from log_event
					where event_type = 'LOGIN_SUCCESS' and (gw_id is not null or network_id is not null)
						and at >= :from and at < :to and (ip is null or ip not in (:excluded))
				) t
				group by gw_id, network_id, minute_no
				having count(*) >= 2
				""";
		var statement = this.jdbc.sql(sql).param("from", window.from()).param("to", window.to());
		if (!excludedIps.isEmpty()) {
			statement = statement.param("excluded", excludedIps);
		}
		return statement
			.query((rs, row) -> new LoginMinuteRow(rs.getString("gw_id"), rs.getString("network_id"),
					rs.getLong("minute_no"), rs.getLong("logins")))
			.list();
	}

}
