package io.quench.login;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class LogRetentionH2Tests extends LogRetentionContract {

}
