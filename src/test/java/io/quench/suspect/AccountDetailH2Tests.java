package io.quench.suspect;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class AccountDetailH2Tests extends AccountDetailContract {

}
