package io.quench.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Where PostgreSQL-backed tests find their database: the server named by
 * {@code QUENCH_TEST_DB_URL} when set (CI and our machines:
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}), otherwise a
 * Testcontainers PostgreSQL 16 where a Docker engine answers. Each Spring context (and
 * each jar under test) gets a schema of its own, dropped when the test JVM ends, so tests
 * never see each other's rows and never touch anything else in that database.
 */
public final class PostgresTestDatabase {

	/**
	 * Set to "true" by CI: then a missing PostgreSQL fails the run instead of skipping.
	 */
	public static final String CI = "CI";

	public static final String URL_VARIABLE = "QUENCH_TEST_DB_URL";

	private static final Object LOCK = new Object();

	private static volatile Server server;

	private static volatile String unavailableReason;

	private PostgresTestDatabase() {
	}

	/**
	 * A PostgreSQL schema for one context: the JDBC URL (with currentSchema) and
	 * credentials.
	 */
	public record Schema(String name, String url, String username, String password) {
	}

	private record Server(String url, String username, String password, List<String> schemas) {
	}

	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv(CI));
	}

	/** Null when PostgreSQL can be reached, else why not. */
	public static String unavailableReason() {
		server();
		return unavailableReason;
	}

	/**
	 * Creates a fresh schema; fails with a clear message when no PostgreSQL is available.
	 */
	public static Schema newSchema() {
		Server s = server();
		if (s == null) {
			throw new IllegalStateException("PostgreSQL tests cannot run: " + unavailableReason);
		}
		String name = "quench_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		try (Connection connection = DriverManager.getConnection(s.url(), credentials(s));
				Statement statement = connection.createStatement()) {
			statement.execute("create schema " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create test schema on " + s.url() + ": " + ex.getMessage(), ex);
		}
		synchronized (LOCK) {
			s.schemas().add(name);
		}
		String separator = s.url().contains("?") ? "&" : "?";
		return new Schema(name, s.url() + separator + "currentSchema=" + name, s.username(), s.password());
	}

	private static Server server() {
		if (server != null || unavailableReason != null) {
			return server;
		}
		synchronized (LOCK) {
			if (server == null && unavailableReason == null) {
				try {
					server = connect();
					Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropSchemas));
				}
				catch (RuntimeException ex) {
					unavailableReason = ex.getMessage();
				}
			}
			return server;
		}
	}

	private static Server connect() {
		String url = System.getenv(URL_VARIABLE);
		if (url != null && !url.isBlank()) {
			String username = firstNonBlank(System.getenv("QUENCH_TEST_DB_USER"),
					url.toLowerCase(Locale.ROOT).contains("user=") ? null : "postgres");
			String password = firstNonBlank(System.getenv("QUENCH_TEST_DB_PASSWORD"), null);
			Server candidate = new Server(url, username, password, new ArrayList<>());
			try (Connection connection = DriverManager.getConnection(url, credentials(candidate))) {
				connection.isValid(5);
			}
			catch (SQLException ex) {
				throw new IllegalStateException(URL_VARIABLE + "=" + url + " does not answer: " + ex.getMessage(), ex);
			}
			return candidate;
		}
		if (dockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:16-alpine");
			container.start();
			return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
					new ArrayList<>());
		}
		throw new IllegalStateException(URL_VARIABLE + " is not set and no Docker engine answers for Testcontainers");
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static Properties credentials(Server s) {
		Properties properties = new Properties();
		if (s.username() != null) {
			properties.setProperty("user", s.username());
		}
		if (s.password() != null) {
			properties.setProperty("password", s.password());
		}
		return properties;
	}

	private static void dropSchemas() {
		Server s = server;
		if (s == null) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(s.url(), credentials(s));
				Statement statement = connection.createStatement()) {
			for (String schema : s.schemas()) {
				statement.execute("drop schema if exists " + schema + " cascade");
			}
		}
		catch (SQLException ex) {
			System.err.println("Could not drop test schemas " + s.schemas() + ": " + ex.getMessage());
		}
	}

	private static String firstNonBlank(String value, String fallback) {
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
