package io.quench.sender;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SenderCsvTests {

	@Test
	void fieldsAreQuotedWithQuotesDoubled() {
		assertThat(SenderCsv.field("a,\"b\"\r\nc")).isEqualTo("\"a,\"\"b\"\"\r\nc\"");
		assertThat(SenderCsv.field(null)).isEqualTo("\"\"");
		assertThat(SenderCsv.field("")).isEqualTo("\"\"");
	}

	@Test
	void fieldsThatASpreadsheetWouldEvaluateGetAnApostrophe() {
		assertThat(SenderCsv.field("=1+1")).isEqualTo("\"'=1+1\"");
		assertThat(SenderCsv.field("+1")).isEqualTo("\"'+1\"");
		assertThat(SenderCsv.field("-1")).isEqualTo("\"'-1\"");
		assertThat(SenderCsv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(SenderCsv.field("a=1")).isEqualTo("\"a=1\"");
	}

}
