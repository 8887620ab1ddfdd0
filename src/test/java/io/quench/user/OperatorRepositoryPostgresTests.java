package io.quench.user;

import io.quench.support.PostgresTest;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.context.annotation.Import;

@JdbcTest
@PostgresTest
@Import(OperatorRepository.class)
class OperatorRepositoryPostgresTests extends OperatorRepositoryContract {

}
