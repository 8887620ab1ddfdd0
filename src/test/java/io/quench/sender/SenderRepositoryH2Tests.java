package io.quench.sender;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class SenderRepositoryH2Tests extends SenderRepositoryContract {

}
