package org.botoxclinic.referral.timeline.messaging;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;

/** The closed loop's reading of TreatmentCompleted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TreatmentCompletedMessage(UUID referralId, LocalDate date, OffsetDateTime completedAt)
        implements ReportedProgress {

    @Override
    public ReferralProgress progress() {
        return ReferralProgress.TREATMENT_COMPLETED;
    }

    @Override
    public OffsetDateTime at() {
        return completedAt;
    }

    @Override
    public String detail() {
        return "Treated on " + date;
    }
}
