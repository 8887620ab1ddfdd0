package io.quench.user;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The operator table's behaviour, run once on H2 and once on PostgreSQL by the
 * subclasses.
 */
abstract class OperatorRepositoryContract {

	private static final Instant T0 = Instant.parse("2026-12-04T10:15:30.123456Z");

	@Autowired
	OperatorRepository operators;

	@Test
	void storesAndFindsAnOperatorByNameAndId() {
		long id = this.operators.insert("jdoe", "{bcrypt}hash", Role.OPERATOR, true, T0);
		Operator found = this.operators.findByUsername("jdoe").orElseThrow();
		assertThat(found.id()).isEqualTo(id);
		assertThat(found.role()).isEqualTo(Role.OPERATOR);
		assertThat(found.enabled()).isTrue();
		assertThat(found.mustChangePassword()).isTrue();
		assertThat(found.createdAt()).isEqualTo(T0.truncatedTo(ChronoUnit.MICROS));
		assertThat(this.operators.findById(id)).contains(found);
		assertThat(this.operators.findByUsername("nobody")).isEmpty();
	}

	@Test
	void refusesADuplicateUserName() {
		this.operators.insert("dup", "{bcrypt}a", Role.VIEWER, false, T0);
		assertThatThrownBy(() -> this.operators.insert("dup", "{bcrypt}b", Role.ADMIN, false, T0))
			.isInstanceOf(DuplicateKeyException.class);
	}

	@Test
	void updatesPasswordRoleAndEnabledFlag() {
		long id = this.operators.insert("ann", "{bcrypt}old", Role.VIEWER, true, T0);
		Instant later = T0.plusSeconds(60);
		this.operators.updatePassword(id, "{bcrypt}new", false, later);
		this.operators.updateRole(id, Role.APPROVER, later);
		this.operators.updateEnabled(id, false, later);
		Operator ann = this.operators.findById(id).orElseThrow();
		assertThat(ann.passwordHash()).isEqualTo("{bcrypt}new");
		assertThat(ann.mustChangePassword()).isFalse();
		assertThat(ann.role()).isEqualTo(Role.APPROVER);
		assertThat(ann.enabled()).isFalse();
		assertThat(ann.updatedAt()).isEqualTo(later.truncatedTo(ChronoUnit.MICROS));
	}

	@Test
	void updatingAMissingOperatorIsAnError() {
		assertThatThrownBy(() -> this.operators.updateRole(987654, Role.ADMIN, T0))
			.isInstanceOf(OperatorNotFoundException.class);
	}

	@Test
	void countsEnabledAdminsOnly() {
		long before = this.operators.countEnabledAdmins();
		long a = this.operators.insert("adm1", "{bcrypt}x", Role.ADMIN, false, T0);
		this.operators.insert("adm2", "{bcrypt}x", Role.ADMIN, false, T0);
		this.operators.insert("view", "{bcrypt}x", Role.VIEWER, false, T0);
		this.operators.updateEnabled(a, false, T0);
		assertThat(this.operators.countEnabledAdmins()).isEqualTo(before + 1);
	}

	@Test
	void listsOperatorsByName() {
		this.operators.insert("zed", "{bcrypt}x", Role.VIEWER, false, T0);
		this.operators.insert("amy", "{bcrypt}x", Role.VIEWER, false, T0);
		assertThat(this.operators.findAll()).extracting(Operator::username).isSorted().contains("amy", "zed");
	}

}
