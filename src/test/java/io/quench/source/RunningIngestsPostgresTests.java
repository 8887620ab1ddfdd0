package io.quench.source;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class RunningIngestsPostgresTests extends RunningIngestsContract {

}
