package io.quench.user;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class LoginThrottleH2Tests extends LoginThrottleContract {

}
