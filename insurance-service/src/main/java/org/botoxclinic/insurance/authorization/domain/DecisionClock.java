package org.botoxclinic.insurance.authorization.domain;

import java.time.Duration;

/** How long a payer has to decide (CMS-0057-F: 72 hours expedited, 7 calendar days standard). */
public record DecisionClock(Duration expedited, Duration standard) {

    public Duration forRequest(boolean isExpedited) {
        return isExpedited ? expedited : standard;
    }
}
