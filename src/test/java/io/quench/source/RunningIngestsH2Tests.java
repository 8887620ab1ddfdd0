package io.quench.source;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class RunningIngestsH2Tests extends RunningIngestsContract {

}
