package io.quench.preview;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class MessageRepositoryH2Tests extends MessageRepositoryContract {

}
