package io.quench.login;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class LoginBrowseRepositoryH2Tests extends LoginBrowseRepositoryContract {

}
