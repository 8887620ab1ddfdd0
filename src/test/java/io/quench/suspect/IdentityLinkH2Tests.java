package io.quench.suspect;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "quench.test.context=ranking")
class IdentityLinkH2Tests extends IdentityLinkContract {

}
