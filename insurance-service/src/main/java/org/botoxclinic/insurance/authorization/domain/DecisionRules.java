package org.botoxclinic.insurance.authorization.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** What a decision must contain to be recorded: an approval its number, units, visits and window; a denial its reason. */
public final class DecisionRules {

    private DecisionRules() {
    }

    /** @return field name to message, empty when the decision is complete */
    public static Map<String, String> violations(Decision d) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (d.outcome() == null) {
            violations.put("outcome", "must be one of APPROVED, PARTIALLY_APPROVED, DENIED, PENDED");
            return violations;
        }
        if (d.outcome().grants()) {
            if (d.authorizationNumber() == null || d.authorizationNumber().isBlank()) {
                violations.put("authorizationNumber", "is required for " + d.outcome());
            }
            if (d.approvedUnits() == null || d.approvedUnits() < 1) {
                violations.put("approvedUnits", "must be at least 1 for " + d.outcome());
            }
            if (d.approvedVisits() == null || d.approvedVisits() < 1) {
                violations.put("approvedVisits", "must be at least 1 for " + d.outcome());
            }
            if (d.validFrom() == null) {
                violations.put("validFrom", "is required for " + d.outcome());
            }
            if (d.validTo() == null) {
                violations.put("validTo", "is required for " + d.outcome());
            }
            if (d.validFrom() != null && d.validTo() != null && d.validFrom().isAfter(d.validTo())) {
                violations.put("validTo", "must not be before validFrom");
            }
        }
        if (d.outcome() == DecisionOutcome.DENIED && (d.denialReason() == null || d.denialReason().isBlank())) {
            violations.put("denialReason", "a denial needs the payer's specific reason");
        }
        return violations;
    }
}
