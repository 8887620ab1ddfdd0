package io.quench.db;

import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;

@JdbcTest
class BulkWriterH2Tests extends BulkWriterContract {

}
