package org.botoxclinic.insurance.authorization.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A treatment outcome as the documented-benefit rule reads it: one measure's value on a date against the referral's
 * baseline. {@code improvementPercent} is null when there is no baseline (or it was 0).
 */
public record MeasuredOutcome(String measure, BigDecimal value, BigDecimal baselineValue, BigDecimal improvementPercent,
                              LocalDate assessedOn) {
}
