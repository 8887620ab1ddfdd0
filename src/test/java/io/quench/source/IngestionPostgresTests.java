package io.quench.source;

import io.quench.support.PostgresTest;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "quench.test.context=ingestion")
@PostgresTest
class IngestionPostgresTests extends IngestionContract {

	@Override
	boolean databaseIsThisProcesssAlone() {
		return false;
	}

}
