package io.quench.source;

import org.springframework.boot.test.context.SpringBootTest;

@SpringBootTest(properties = "quench.test.context=ingestion")
class IngestionH2Tests extends IngestionContract {

	@Override
	boolean databaseIsThisProcesssAlone() {
		return true;
	}

}
