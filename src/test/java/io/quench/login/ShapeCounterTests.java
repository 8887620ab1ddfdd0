package io.quench.login;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShapeCounterTests {

	@Test
	void linesDifferingOnlyInNumbersIpsAndIdsShareAShape() {
		String a = "14:10:00 1A2 MSG 41237 Accepted connection from 198.51.100.7 for jdoe@example.org";
		String b = "09:01:59 2F MSG 9 Accepted connection from 2001:db8::1 for x.y@example.net";
		assertThat(LineShapes.shapeOf(a)).isEqualTo(LineShapes.shapeOf(b))
			.isEqualTo("<time> <thread> MSG <n> Accepted connection from <ip> for <email>");
	}

	@Test
	void hexIdsQuotedStringsAndKeyValuesArePlaceholders() {
		assertThat(LineShapes.shapeOf("10:00:00 1F3 Error [D019] file \"a b.db\" id=7f3a9 user=jdoe done."))
			.isEqualTo("<time> <thread> Error [<hex>] file <str> id=<v> user=<v> done.");
	}

	@Test
	void wordsWithDigitsKeepTheirLettersAndColonTimesBecomeNumbers() {
		assertThat(LineShapes.shapeOf("Opened 1204poa.00c at 10:15:02 port 1677"))
			.isEqualTo("Opened <n>poa.<hex> at <n>:<n>:<n> port <n>");
	}

	@Test
	void topShapesComeWithCountAndTheFirstLineAsSample() {
		ShapeCounter counter = new ShapeCounter();
		counter.add("10:00:00 1A2 Processing scheduled event: QuickFinder Indexing");
		counter.add("10:00:01 1A3 Processing scheduled event: QuickFinder Indexing");
		counter.add("10:00:02 1A4 Processing scheduled event: QuickFinder Indexing");
		counter.add("10:00:03 1A4 Starting GWCheck job 12");
		counter.add("10:00:04 1A4 Starting GWCheck job 13");
		counter.add("10:00:05 1A4 Disk space low");
		assertThat(counter.top(2)).containsExactly(
				new LineShape("<time> <thread> Processing scheduled event: QuickFinder Indexing", 3,
						"10:00:00 1A2 Processing scheduled event: QuickFinder Indexing"),
				new LineShape("<time> <thread> Starting GWCheck job <n>", 2, "10:00:03 1A4 Starting GWCheck job 12"));
		assertThat(counter.total()).isEqualTo(6);
		assertThat(counter.distinct()).isEqualTo(3);
	}

	@Test
	void distinctShapesAreCappedAndTheRestCountedAsOther() {
		ShapeCounter counter = new ShapeCounter(3);
		for (String word : new String[] { "alpha", "beta", "gamma", "delta", "epsilon", "alpha" }) {
			counter.add("10:00:00 1 " + word);
		}
		assertThat(counter.distinct()).isEqualTo(3);
		assertThat(counter.other()).isEqualTo(new LineShape(ShapeCounter.OTHER, 2, "10:00:00 1 delta"));
		assertThat(counter.top(10)).extracting(LineShape::count).containsExactly(2L, 1L, 1L);
	}

	@Test
	void longLinesHaveBoundedShapesAndSamples() {
		ShapeCounter counter = new ShapeCounter();
		counter.add("x".repeat(100_000));
		LineShape shape = counter.top(1).get(0);
		assertThat(shape.shape()).hasSize(ShapeCounter.MAX_SHAPE_CHARS);
		assertThat(shape.sample()).hasSize(ShapeCounter.MAX_SAMPLE_CHARS);
	}

}
