package io.quench.sender;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class SenderRepositoryPostgresTests extends SenderRepositoryContract {

}
