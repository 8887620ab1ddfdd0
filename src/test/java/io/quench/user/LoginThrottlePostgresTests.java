package io.quench.user;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class LoginThrottlePostgresTests extends LoginThrottleContract {

}
