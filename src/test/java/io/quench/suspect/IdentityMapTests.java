package io.quench.suspect;

import java.util.List;
import java.util.Map;

import io.quench.suspect.IdentityMap.DirectoryRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class IdentityMapTests {

	private final IdentityMap map = IdentityMap.of(rows());

	private static List<DirectoryRow> rows() {
		return List.of(new DirectoryRow("jdoe", "u12345", "jd@example.org", false),
				new DirectoryRow("jdoe", "u12345", "john.doe@example.org", true),
				new DirectoryRow("news", "news", "newsletter@mail.example.org", true),
				new DirectoryRow("nomail", null, null, false));
	}

	@Test
	void directoryAddressesMapToTheirAccountWithThePreferredAddressFirst() {
		IdentityMap.Identity identity = this.map.sender("JD@Example.org");

		assertThat(identity.key()).isEqualTo("jdoe");
		assertThat(identity.mapped()).isTrue();
		assertThat(identity.addresses()).containsExactly("john.doe@example.org", "jd@example.org");
	}

	@Test
	void aLocalSenderNamedAfterAGroupWiseOrNetworkIdMapsByTheUseridAtDomainRule() {
		assertThat(this.map.sender("jdoe@example.org").key()).isEqualTo("jdoe");
		assertThat(this.map.sender("u12345@mail.example.org").key()).isEqualTo("jdoe");
		assertThat(this.map.localDomains()).containsExactlyInAnyOrder("example.org", "mail.example.org");
	}

	@Test
	void unknownSendersAndForeignDomainsStayUnmappedUnderTheirAddress() {
		IdentityMap.Identity foreign = this.map.sender("jdoe@elsewhere.example");

		assertThat(foreign.mapped()).isFalse();
		assertThat(foreign.key()).isEqualTo("jdoe@elsewhere.example");
		assertThat(this.map.sender("stranger@example.org").mapped()).isFalse();
	}

	@Test
	void loginsMapByGroupWiseIdThenNetworkIdAndUnknownLoginIdsStayUnmapped() {
		assertThat(this.map.login("JDOE", null).key()).isEqualTo("jdoe");
		assertThat(this.map.login(null, "u12345").key()).isEqualTo("jdoe");
		assertThat(this.map.login("u12345", null).key()).isEqualTo("jdoe");
		assertThat(this.map.login("nomail", "nomail").mapped()).isTrue();
		IdentityMap.Identity admin = this.map.login("Admin", null);
		assertThat(admin.mapped()).isFalse();
		assertThat(admin.key()).isEqualTo("admin");
		assertThat(this.map.login("john.doe@example.org", null).key()).isEqualTo("jdoe");
	}

	@Test
	void theDirectoryBeatsALinkAndALinkBeatsTheUseridAtDomainRule() {
		IdentityMap linked = IdentityMap.of(rows(),
				Map.of("jd@example.org", "news", "jdoe@example.org", "news", "u12345", "news"));

		// jd@example.org is a directory address: the link is ignored.
		assertThat(linked.sender("jd@example.org").key()).isEqualTo("jdoe");
		// jdoe@example.org is only jdoe's by the userid@domain rule: the link wins.
		assertThat(linked.sender("jdoe@example.org").key()).isEqualTo("news");
		assertThat(linked.sender("jdoe@example.org").addresses()).containsExactly("newsletter@mail.example.org");
		// u12345 is jdoe's network id in the directory: the link is ignored.
		assertThat(linked.login("u12345", null).key()).isEqualTo("jdoe");
		// Without links, the rule still applies.
		assertThat(this.map.sender("jdoe@example.org").key()).isEqualTo("jdoe");
	}

	@Test
	void aLinkToADirectoryAccountMayNameItsNetworkIdOrAddressAndMapsUnmappedSendersAndLoginIds() {
		IdentityMap linked = IdentityMap.of(rows(),
				Map.of("john.doe.private@freemail.example", "u12345", "jd-phone", "john.doe@example.org"));

		IdentityMap.Identity sender = linked.sender("John.Doe.Private@freemail.example");
		assertThat(sender.key()).isEqualTo("jdoe");
		assertThat(sender.mapped()).isTrue();
		assertThat(linked.login("JD-Phone", null).key()).isEqualTo("jdoe");
		assertThat(linked.login(null, "jd-phone").key()).isEqualTo("jdoe");
		assertThat(linked.sender("other@freemail.example").mapped()).isFalse();
	}

	@Test
	void withoutADirectoryALinkedLoginIdAndALinkedAddressMergeIntoOneFreeFormAccount() {
		IdentityMap linked = IdentityMap.of(List.of(),
				Map.of("jd", "john", "john.d@freemail.example", "john", "j.doe@other.example", "john"));

		IdentityMap.Identity login = linked.login("jd", "u99");
		IdentityMap.Identity sender = linked.sender("john.d@freemail.example");
		assertThat(login).isEqualTo(sender);
		assertThat(login.key()).isEqualTo("john");
		assertThat(login.mapped()).isTrue();
		assertThat(login.addresses()).containsExactlyInAnyOrder("john.d@freemail.example", "j.doe@other.example");
		// The account key itself, as a login id, is that account too.
		assertThat(linked.login("john", null)).isEqualTo(login);
		assertThat(linked.login("jane", null).mapped()).isFalse();
	}

	@Test
	void directoryLookupsForLinkTargets() {
		assertThat(this.map.hasDirectory()).isTrue();
		assertThat(this.map.account("U12345").key()).isEqualTo("jdoe");
		assertThat(this.map.account("jd@example.org").key()).isEqualTo("jdoe");
		assertThat(this.map.account("jdoe@example.org")).isNull();
		assertThat(this.map.inDirectory("news")).isTrue();
		assertThat(this.map.inDirectory("stranger@example.org")).isFalse();
		assertThat(IdentityMap.of(List.of()).hasDirectory()).isFalse();
	}

	@Test
	void trustedHostsAreSingleAddressesOrCidrBlocks() {
		TrustedHosts hosts = TrustedHosts.of(List.of("10.10.1.20", "192.0.2.0/25", "2001:db8::/32"));

		assertThat(hosts.contains("10.10.1.20")).isTrue();
		assertThat(hosts.contains("10.10.1.21")).isFalse();
		assertThat(hosts.contains("192.0.2.127")).isTrue();
		assertThat(hosts.contains("192.0.2.128")).isFalse();
		assertThat(hosts.contains("2001:db8:1::7")).isTrue();
		assertThat(hosts.contains("not-an-ip")).isFalse();
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedHosts.of(List.of("mobility.example.org")));
		assertThatIllegalArgumentException().isThrownBy(() -> TrustedHosts.of(List.of("10.0.0.0/33")));
	}

	@Test
	void networksAreSlash24ForIpv4AndSlash48ForIpv6() {
		assertThat(Networks.of("203.0.113.45")).isEqualTo("203.0.113.0/24");
		assertThat(Networks.of("2001:db8:1:2::7")).isEqualTo("2001:db8:1::/48");
	}

}
