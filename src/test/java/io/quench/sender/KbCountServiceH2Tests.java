package io.quench.sender;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "quench.test.context=ranking")
class KbCountServiceH2Tests extends KbCountServiceContract {

}
