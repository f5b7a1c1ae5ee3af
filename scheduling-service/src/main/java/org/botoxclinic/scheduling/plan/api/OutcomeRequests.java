package org.botoxclinic.scheduling.plan.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.OutcomeMeasure;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What staff send to record an outcome. */
public final class OutcomeRequests {

    private OutcomeRequests() {
    }

    /** One assessment; the scale's range and whether it fits the indication are checked against the plan. */
    public record RecordOutcome(
            @Schema(description = "The day the patient was assessed: not after today, not before the plan began")
            @NotNull LocalDate assessedOn,
            @Schema(description = "The scale, allowed for the plan's indication")
            @NotNull OutcomeMeasure measure,
            @Schema(description = "HEADACHE_DAYS_PER_MONTH 0-31, MIDAS 0-270, HIT_6 36-78, TWSTRS_TOTAL 0-85, "
                    + "MODIFIED_ASHWORTH 0, 1, 1.5 (1+), 2, 3, 4, JANKOVIC_RATING_SCALE 0-8, CGI_SEVERITY 1-7; "
                    + "whole numbers except MODIFIED_ASHWORTH's 1.5", example = "12")
            @NotNull BigDecimal value) {

        public Measurement measurement() {
            return new Measurement(measure, value);
        }
    }
}
