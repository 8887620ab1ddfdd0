package io.quench.suspect;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The ranking's thresholds an admin may change at run time, with their valid ranges. Not
 * here: {@code trusted-hosts}, which changes which events count (configuration only).
 */
enum RankingThreshold {

	HUMAN_LOGINS_PER_MINUTE("human-logins-per-minute", true, 1, 10_000, RankingProperties::humanLoginsPerMinute),
	SUSTAINED_MINUTES("sustained-minutes", true, 1, 10_080, RankingProperties::sustainedMinutes),
	LOGIN_NETWORKS("login-networks", true, 1, 1_000_000, RankingProperties::loginNetworks),
	FAILED_LOGINS("failed-logins", true, 1, 100_000_000, RankingProperties::failedLogins),
	MESSAGES_PER_5_MINUTES("messages-per-5-minutes", true, 1, 100_000_000, RankingProperties::messagesPer5Minutes),
	EXTERNAL_SHARE("external-share", false, 0, 1, RankingProperties::externalShare),
	TEMPLATE_SHARE("template-share", false, 0, 1, RankingProperties::templateShare),
	DEFER_RATIO("defer-ratio", false, 0, 1, RankingProperties::deferRatio),
	MIN_MESSAGES("min-messages", true, 1, 100_000_000, RankingProperties::minMessages),
	OUTLIER_MADS("outlier-mads", false, 0.1, 100, RankingProperties::outlierMads),
	LOGIN_CAP("login-cap", true, 1, 100, RankingProperties::loginCap),
	QUEUE_CAP("queue-cap", true, 1, 100, RankingProperties::queueCap),
	MIN_LOGIN_POINTS("min-login-points", true, 0, 100, RankingProperties::minLoginPoints),
	MIN_QUEUE_POINTS("min-queue-points", true, 0, 100, RankingProperties::minQueuePoints);

	/** Longest value text accepted (the column holds 32). */
	static final int MAX_TEXT = 32;

	private final String property;

	private final boolean integer;

	private final double min;

	private final double max;

	private final Function<RankingProperties, Number> getter;

	RankingThreshold(String property, boolean integer, double min, double max,
			Function<RankingProperties, Number> getter) {
		this.property = property;
		this.integer = integer;
		this.min = min;
		this.max = max;
		this.getter = getter;
	}

	/** The property name below {@code quench.ranking}, also the name on the page. */
	String property() {
		return this.property;
	}

	boolean integer() {
		return this.integer;
	}

	/** The value in a set of thresholds, as canonical text. */
	String valueIn(RankingProperties thresholds) {
		return text(this.getter.apply(thresholds));
	}

	String min() {
		return text(this.min);
	}

	String max() {
		return text(this.max);
	}

	static Optional<RankingThreshold> byProperty(String property) {
		for (RankingThreshold threshold : values()) {
			if (threshold.property.equals(property)) {
				return Optional.of(threshold);
			}
		}
		return Optional.empty();
	}

	/**
	 * Parses and checks a value typed by an admin; returns its canonical text.
	 * @throws InvalidThresholdException if it is not a number of the right kind in range
	 */
	String parse(String text) {
		if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
			throw new InvalidThresholdException(this, text);
		}
		BigDecimal value;
		try {
			value = new BigDecimal(text.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidThresholdException(this, text);
		}
		if (this.integer && value.stripTrailingZeros().scale() > 0) {
			throw new InvalidThresholdException(this, text);
		}
		double number = value.doubleValue();
		if (number < this.min || number > this.max) {
			throw new InvalidThresholdException(this, text);
		}
		return this.integer ? Long.toString(value.longValueExact()) : text(number);
	}

	/** A set of thresholds with some values replaced (canonical texts, as stored). */
	static RankingProperties apply(RankingProperties base, Map<RankingThreshold, String> values) {
		Function<RankingThreshold, String> v = (t) -> values.getOrDefault(t, t.valueIn(base));
		return new RankingProperties(Integer.parseInt(v.apply(HUMAN_LOGINS_PER_MINUTE)),
				Integer.parseInt(v.apply(SUSTAINED_MINUTES)), Integer.parseInt(v.apply(LOGIN_NETWORKS)),
				Integer.parseInt(v.apply(FAILED_LOGINS)), Integer.parseInt(v.apply(MESSAGES_PER_5_MINUTES)),
				Double.parseDouble(v.apply(EXTERNAL_SHARE)), Double.parseDouble(v.apply(TEMPLATE_SHARE)),
				Double.parseDouble(v.apply(DEFER_RATIO)), Integer.parseInt(v.apply(MIN_MESSAGES)),
				Double.parseDouble(v.apply(OUTLIER_MADS)), Integer.parseInt(v.apply(LOGIN_CAP)),
				Integer.parseInt(v.apply(QUEUE_CAP)), Integer.parseInt(v.apply(MIN_LOGIN_POINTS)),
				Integer.parseInt(v.apply(MIN_QUEUE_POINTS)), base.trustedHosts());
	}

	private static String text(Number number) {
		if (number instanceof Integer || number instanceof Long) {
			return number.toString();
		}
		return BigDecimal.valueOf(number.doubleValue()).stripTrailingZeros().toPlainString();
	}

}
