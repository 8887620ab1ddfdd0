package io.quench.queue;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class QueueOverviewRepositoryH2Tests extends QueueOverviewRepositoryContract {

}
