package io.quench.login;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IpFilterTests {

	@Test
	void blankIsNoFilter() {
		assertThat(IpFilter.parse(null).none()).isTrue();
		assertThat(IpFilter.parse("  ").none()).isTrue();
	}

	@Test
	void anAddressIsExact() {
		assertThat(IpFilter.parse(" 10.1.2.3 ")).isEqualTo(new IpFilter("10.1.2.3", null));
		assertThat(IpFilter.parse("2001:db8::1")).isEqualTo(new IpFilter("2001:db8::1", null));
	}

	@Test
	void wholeOctetNetworksArePrefixesWithTheirDot() {
		assertThat(IpFilter.parse("10.1.2.0/24")).isEqualTo(new IpFilter(null, "10.1.2."));
		assertThat(IpFilter.parse("10.1.0.0/16")).isEqualTo(new IpFilter(null, "10.1."));
		assertThat(IpFilter.parse("10.0.0.0/8")).isEqualTo(new IpFilter(null, "10."));
		assertThat(IpFilter.parse("10.1.2.77/24")).isEqualTo(new IpFilter(null, "10.1.2."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "10.1.2.0/23", "10.1.2.0/32", "10.1.2.0/", "300.1.2.0/24", "2001:db8::/32", "10.1.2.%",
			"10.1.2._", "' or 1=1 --", "10.1.2.0/24/8" })
	void otherNetworksAndNonAddressesAreRefused(String value) {
		assertThatExceptionOfType(InvalidLoginQueryException.class).isThrownBy(() -> IpFilter.parse(value));
	}

}
