package org.botoxclinic.insurance.authorization.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.insurance.outcome.domain.ReferralOutcome;
import org.botoxclinic.platform.inbox.IncomingPayload;

/** This service's reading of OutcomeRecorded: one measure's value against the referral's baseline. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OutcomeRecordedMessage(UUID outcomeId, UUID referralId, String indication, String measure, BigDecimal value,
                                     LocalDate assessedOn, Baseline baseline, BigDecimal improvementPercent,
                                     Integer treatmentsCompleted, OffsetDateTime recordedAt)
        implements IncomingPayload {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Baseline(String measure, BigDecimal value) {
    }

    /** The outcome, its referral, indication and measure, a value and the day it was assessed. */
    @Override
    public boolean isComplete() {
        return outcomeId != null && referralId != null && indication != null && measure != null && value != null
                && assessedOn != null && (treatmentsCompleted == null || treatmentsCompleted >= 0);
    }

    /** The baseline counts only when it is of the same measure (a MIDAS outcome has no headache-days baseline). */
    ReferralOutcome toDomain(OffsetDateTime eventTime) {
        BigDecimal baselineValue = baseline != null && measure.equals(baseline.measure()) ? baseline.value() : null;
        return new ReferralOutcome(outcomeId, referralId, indication, measure, value, baselineValue,
                baselineValue == null ? null : improvementPercent, assessedOn,
                treatmentsCompleted == null ? 0 : treatmentsCompleted, recordedAt != null ? recordedAt : eventTime);
    }
}
