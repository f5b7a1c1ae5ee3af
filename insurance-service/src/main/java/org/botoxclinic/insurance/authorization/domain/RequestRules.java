package org.botoxclinic.insurance.authorization.domain;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a submission, an appeal and a withdrawal must contain before they are recorded. */
public final class RequestRules {

    private RequestRules() {
    }

    /** A submission cannot be dated in the future, and an override of the checklist needs its reason. */
    public static Map<String, String> submission(OffsetDateTime submittedAt, boolean override, String overrideReason,
                                                 OffsetDateTime now) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (submittedAt != null && submittedAt.isAfter(now)) {
            violations.put("submittedAt", "must not be in the future");
        }
        if (override && (overrideReason == null || overrideReason.isBlank())) {
            violations.put("overrideReason", "an override of unmet requirements needs a reason");
        }
        return violations;
    }

    /** An appeal is filed after the denial it contests and not in the future, with a reason. */
    public static Map<String, String> appeal(OffsetDateTime submittedAt, String reason, OffsetDateTime deniedAt,
                                             OffsetDateTime now) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (submittedAt == null) {
            violations.put("submittedAt", "is required");
        } else if (submittedAt.isAfter(now)) {
            violations.put("submittedAt", "must not be in the future");
        } else if (deniedAt != null && submittedAt.isBefore(deniedAt)) {
            violations.put("submittedAt", "must not be before the denial");
        }
        if (reason == null || reason.isBlank()) {
            violations.put("reason", "is required");
        }
        return violations;
    }

    public static Map<String, String> withdrawal(String reason) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (reason == null || reason.isBlank()) {
            violations.put("reason", "is required");
        }
        return violations;
    }
}
