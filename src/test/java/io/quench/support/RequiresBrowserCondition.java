package io.quench.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips browser tests, loudly, where Chromium is not installed; never in CI.
 */
class RequiresBrowserCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String reason = Browser.unavailableReason();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("Chromium available");
		}
		if (PostgresTestDatabase.inCi()) {
			return ConditionEvaluationResult.enabled("CI=true: running anyway so that the missing browser fails");
		}
		String message = "SKIPPING browser test " + context.getDisplayName() + ": " + reason;
		System.err.println("!!!!! " + message);
		return ConditionEvaluationResult.disabled(message);
	}

}
