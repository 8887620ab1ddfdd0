package io.quench.suspect;

import java.util.List;

/** An account's evidence with its points and reasons under one set of thresholds. */
record Scored(AccountEvidence evidence, int loginPoints, int queuePoints, boolean likelyCompromised,
		List<Reason> reasons) {

	Scored {
		reasons = List.copyOf(reasons);
	}

	int score() {
		return this.loginPoints + this.queuePoints;
	}

}
