package io.quench.login;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class LoginBrowseRepositoryPostgresTests extends LoginBrowseRepositoryContract {

}
