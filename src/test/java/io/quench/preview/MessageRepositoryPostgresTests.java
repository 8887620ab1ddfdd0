package io.quench.preview;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class MessageRepositoryPostgresTests extends MessageRepositoryContract {

}
