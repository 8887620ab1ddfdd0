package io.quench.generator;

/**
 * Everything fixed for one generation run: the cast, the timeline, the dialect weights.
 * Plans message {@code i} on demand.
 */
record Plans(long seed, long messages, Cast cast, Timeline timeline, Dialect[] dialects, int[] dialectWeights) {

	/** Relative weights of dialects a, b, c and d. */
	private static final int[] WEIGHTS = { 50, 20, 15, 15 };

	static Plans of(GeneratorSettings settings) {
		Cast cast = new Cast(settings.seed(), settings.messages());
		Timeline timeline = new Timeline(settings, cast);
		Dialect[] dialects = settings.dialects().toArray(new Dialect[0]);
		int[] cumulative = new int[dialects.length];
		int sum = 0;
		for (int i = 0; i < dialects.length; i++) {
			sum += WEIGHTS[dialects[i].ordinal()];
			cumulative[i] = sum;
		}
		return new Plans(settings.seed(), settings.messages(), cast, timeline, dialects, cumulative);
	}

	MessagePlan plan(long index) {
		return MessagePlan.of(index, this.seed, this.timeline, this.cast, this.dialects, this.dialectWeights);
	}

}
