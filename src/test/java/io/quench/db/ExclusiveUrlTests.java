package io.quench.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which databases only this process can use: there, a scan marked running at start-up was
 * left by a Quench that stopped, and is failed at once.
 */
class ExclusiveUrlTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			jdbc:h2:file:/var/lib/quench/quench;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE | true
			jdbc:h2:./data/quench                                                    | true
			JDBC:H2:FILE:/data/quench                                                | true
			jdbc:h2:mem:quench-1;DB_CLOSE_DELAY=-1                                   | true
			jdbc:h2:file:/data/quench;AUTO_SERVER=TRUE                               | false
			jdbc:h2:file:/data/quench;auto_server = true                             | false
			jdbc:h2:tcp://db.example.org/quench                                      | false
			jdbc:h2:ssl://db.example.org/quench                                      | false
			jdbc:postgresql://127.0.0.1:5432/quench                                  | false
			""")
	void embeddedH2AloneIsThisProcesssAlone(String url, boolean exclusive) {
		assertThat(BulkWriter.isExclusiveUrl(url)).isEqualTo(exclusive);
	}

	@Test
	void noUrlIsNotExclusive() {
		assertThat(BulkWriter.isExclusiveUrl(null)).isFalse();
	}

}
