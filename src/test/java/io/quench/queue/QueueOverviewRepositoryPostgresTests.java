package io.quench.queue;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class QueueOverviewRepositoryPostgresTests extends QueueOverviewRepositoryContract {

}
