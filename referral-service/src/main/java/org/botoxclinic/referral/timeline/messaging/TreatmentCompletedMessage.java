package org.botoxclinic.referral.timeline.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.referral.referral.domain.ReferralProgress;
import org.botoxclinic.referral.timeline.domain.ConsultReport;

/**
 * The closed loop's reading of TreatmentCompleted: the treatment's entry and the consult report. {@code latestOutcome}
 * is newer than the event; records without it (published before it existed, or from a plan with no outcome yet) give
 * a report without an outcome.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TreatmentCompletedMessage(UUID referralId, LocalDate date, OffsetDateTime completedAt,
                                        Integer unitsAdministered, Integer unitsWasted, LatestOutcome latestOutcome)
        implements ReportedProgress {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LatestOutcome(String measure, BigDecimal value, LocalDate assessedOn, BigDecimal baselineValue,
                                BigDecimal improvementPercent) {
    }

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

    public ConsultReport consultReport() {
        return new ConsultReport(date, unitsAdministered, unitsWasted, latestOutcome == null ? null
                : new ConsultReport.Outcome(latestOutcome.measure(), latestOutcome.value(), latestOutcome.assessedOn(),
                        latestOutcome.baselineValue(), latestOutcome.improvementPercent()));
    }
}
