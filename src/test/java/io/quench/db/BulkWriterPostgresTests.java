package io.quench.db;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class BulkWriterPostgresTests extends BulkWriterContract {

}
