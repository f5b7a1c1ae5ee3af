package org.botoxclinic.referral.referral.domain;

import java.util.List;

/** The outcome of screening one referral and the reasons behind it. */
public record TriageResult(TriageOutcome outcome, List<TriageReason> reasons) {

    public TriageResult {
        reasons = List.copyOf(reasons);
    }
}
