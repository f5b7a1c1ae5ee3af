package org.botoxclinic.scheduling.plan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How far an outcome is from the baseline on the same scale. Lower is better on every scale, so both figures are
 * positive for an improvement and negative for a worsening: {@code absoluteImprovement} = baseline - value, and
 * {@code improvementPercent} = (baseline - value) / baseline * 100, rounded half-up to one decimal; no percentage
 * against a baseline of 0.
 */
public record ChangeFromBaseline(OutcomeMeasure measure, BigDecimal baselineValue, BigDecimal value,
                                 BigDecimal absoluteImprovement, BigDecimal improvementPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The change of an outcome from the baseline; both figures null when the baseline is of another scale or missing. */
    public static ChangeFromBaseline of(Measurement baseline, Measurement outcome) {
        if (baseline == null || baseline.measure() != outcome.measure()) {
            return new ChangeFromBaseline(outcome.measure(), null, outcome.value(), null, null);
        }
        return new ChangeFromBaseline(outcome.measure(), baseline.value(), outcome.value(),
                Measurement.plain(baseline.value().subtract(outcome.value())),
                improvementPercent(baseline.value(), outcome.value()));
    }

    /** (baseline - value) / baseline * 100, half-up to one decimal; null against a baseline of 0. */
    public static BigDecimal improvementPercent(BigDecimal baseline, BigDecimal value) {
        if (baseline.signum() == 0) {
            return null;
        }
        return baseline.subtract(value).multiply(HUNDRED).divide(baseline, 1, RoundingMode.HALF_UP);
    }
}
