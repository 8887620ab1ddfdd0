package io.quench.user;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed logins and lockouts, in the database so that every app instance on a shared
 * PostgreSQL sees the same counts.
 */
@Repository
class LoginAttemptRepository {

	enum SubjectKind {

		USER, IP

	}

	private final JdbcClient jdbc;

	LoginAttemptRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void recordFailure(SubjectKind kind, String subject, Instant at) {
		this.jdbc.sql("insert into login_failure (subject_kind, subject, failed_at) values (:kind, :subject, :at)")
			.param("kind", kind.name())
			.param("subject", subject)
			.param("at", utc(at))
			.update();
	}

	long countFailuresSince(SubjectKind kind, String subject, Instant since) {
		return this.jdbc.sql("""
				select count(*) from login_failure
				where subject_kind = :kind and subject = :subject and failed_at > :since
				""")
			.param("kind", kind.name())
			.param("subject", subject)
			.param("since", utc(since))
			.query(Long.class)
			.single();
	}

	void clearFailures(SubjectKind kind, String subject) {
		this.jdbc.sql("delete from login_failure where subject_kind = :kind and subject = :subject")
			.param("kind", kind.name())
			.param("subject", subject)
			.update();
	}

	void lock(SubjectKind kind, String subject, Instant until) {
		this.jdbc
			.sql("insert into login_lockout (subject_kind, subject, locked_until) values (:kind, :subject, :until)")
			.param("kind", kind.name())
			.param("subject", subject)
			.param("until", utc(until))
			.update();
	}

	Optional<Instant> lockedUntil(SubjectKind kind, String subject, Instant now) {
		return this.jdbc.sql("""
				select max(locked_until) from login_lockout
				where subject_kind = :kind and subject = :subject and locked_until > :now
				""")
			.param("kind", kind.name())
			.param("subject", subject)
			.param("now", utc(now))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class))
			.optional()
			.map(OffsetDateTime::toInstant);
	}

	/** Forgets failures and lockouts that no longer matter. */
	int purgeBefore(Instant before) {
		int failures = this.jdbc.sql("delete from login_failure where failed_at < :before")
			.param("before", utc(before))
			.update();
		int lockouts = this.jdbc.sql("delete from login_lockout where locked_until < :before")
			.param("before", utc(before))
			.update();
		return failures + lockouts;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
