package org.botoxclinic.referral.triage;

import java.util.List;

/** The outcome of screening one referral and the reasons behind it. */
public record TriageResult(TriageOutcome outcome, List<TriageReason> reasons) {

    public TriageResult {
        reasons = List.copyOf(reasons);
    }
}
