package io.quench.sender;

import io.quench.support.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "quench.test.context=ranking")
@PostgresTest
class KbCountServicePostgresTests extends KbCountServiceContract {

}
