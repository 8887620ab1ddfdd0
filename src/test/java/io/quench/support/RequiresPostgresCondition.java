package io.quench.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips PostgreSQL tests, loudly, on a machine without PostgreSQL; never in CI, where a
 * missing PostgreSQL must fail the run.
 */
class RequiresPostgresCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String reason = PostgresTestDatabase.unavailableReason();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL available");
		}
		if (PostgresTestDatabase.inCi()) {
			return ConditionEvaluationResult.enabled("CI=true: running anyway so that the missing PostgreSQL fails");
		}
		String message = "SKIPPING PostgreSQL test " + context.getDisplayName() + ": " + reason
				+ " (set QUENCH_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
		System.err.println("!!!!! " + message);
		return ConditionEvaluationResult.disabled(message);
	}

}
