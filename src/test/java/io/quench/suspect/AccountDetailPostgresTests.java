package io.quench.suspect;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
@PostgresTest
class AccountDetailPostgresTests extends AccountDetailContract {

}
