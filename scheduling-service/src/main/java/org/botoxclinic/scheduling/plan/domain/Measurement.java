package org.botoxclinic.scheduling.plan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A value on one outcome scale, written without trailing zeros (20, 1.5), as the scales are read. */
public record Measurement(OutcomeMeasure measure, BigDecimal value) {

    public Measurement {
        value = plain(value);
    }

    /** 20.0 becomes 20 and 1.50 becomes 1.5, never 2E+1. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0, RoundingMode.UNNECESSARY) : stripped;
    }
}
