package io.quench.user;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

@JdbcTest
@Import(OperatorRepository.class)
class OperatorRepositoryH2Tests extends OperatorRepositoryContract {

}
