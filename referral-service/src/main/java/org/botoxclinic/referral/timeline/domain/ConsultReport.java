package org.botoxclinic.referral.timeline.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The consult report the referring PCP receives after each treatment (what a 360X consult note closes the loop
 * with): the treatment date, the units given (administered, and wasted separately) and, when the treatment plan
 * has one, the latest outcome against the baseline. A line for a person and the same figures for the PCP's system.
 */
public record ConsultReport(LocalDate treatedOn, Integer unitsAdministered, Integer unitsWasted, Outcome latestOutcome) {

    /** The plan's most recent outcome of the indication's primary measure; lower is better for every measure. */
    public record Outcome(String measure, BigDecimal value, LocalDate assessedOn, BigDecimal baseline,
                          BigDecimal improvementPercent) {
    }

    public String detail() {
        StringBuilder line = new StringBuilder("Consult report: treated on ").append(treatedOn)
                .append(", ").append(unitsAdministered).append(" U administered, ")
                .append(unitsWasted).append(" U wasted");
        if (latestOutcome == null) {
            return line.append("; no outcome recorded yet").toString();
        }
        line.append("; latest ").append(latestOutcome.measure()).append(' ').append(plain(latestOutcome.value()));
        if (latestOutcome.assessedOn() != null) {
            line.append(" on ").append(latestOutcome.assessedOn());
        }
        if (latestOutcome.baseline() == null) {
            return line.append(", no baseline").toString();
        }
        line.append(" against a baseline of ").append(plain(latestOutcome.baseline()));
        BigDecimal change = latestOutcome.improvementPercent();
        if (change != null) {
            line.append(" (").append(plain(change.abs())).append(change.signum() < 0 ? " % worse)" : " % better)");
        }
        return line.toString();
    }

    /** The figures, as the timeline entry's details: dates as ISO text, numbers as numbers. */
    public Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("treatmentDate", treatedOn == null ? null : treatedOn.toString());
        details.put("unitsAdministered", unitsAdministered);
        details.put("unitsWasted", unitsWasted);
        if (latestOutcome == null) {
            details.put("latestOutcome", null);
        } else {
            Map<String, Object> outcome = new LinkedHashMap<>();
            outcome.put("measure", latestOutcome.measure());
            outcome.put("baseline", latestOutcome.baseline());
            outcome.put("value", latestOutcome.value());
            outcome.put("assessedOn", latestOutcome.assessedOn() == null ? null : latestOutcome.assessedOn().toString());
            outcome.put("improvementPercent", latestOutcome.improvementPercent());
            details.put("latestOutcome", outcome);
        }
        return details;
    }

    private static String plain(BigDecimal number) {
        return number == null ? "?" : number.stripTrailingZeros().toPlainString();
    }
}
