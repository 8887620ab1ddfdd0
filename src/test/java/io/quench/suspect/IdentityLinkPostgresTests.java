package io.quench.suspect;

import io.quench.support.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "quench.test.context=ranking")
@PostgresTest
class IdentityLinkPostgresTests extends IdentityLinkContract {

}
