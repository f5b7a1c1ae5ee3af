package org.botoxclinic.insurance.authorization.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The payer's documented-benefit rule for continued treatment: the latest outcome of the indication's primary measure
 * improves on the baseline by at least the payer's threshold (e.g. 50 % fewer headache days for chronic migraine).
 * The note always gives the figure and the threshold, so staff and the payer see why.
 */
public final class DocumentedBenefit {

    /** The checklist item this rule decides. */
    public static final String REQUIREMENT = "DOCUMENTED_BENEFIT";

    /** The verdict on the item, and the note it carries. */
    public record Assessment(boolean met, String note) {
    }

    private DocumentedBenefit() {
    }

    /**
     * @param outcome   the latest outcome of the primary measure
     * @param threshold the payer's minimum improvement in percent for that measure, null when none is configured
     */
    public static Assessment assess(MeasuredOutcome outcome, BigDecimal threshold) {
        String figures = outcome.measure() + " " + plain(outcome.value()) + " on " + outcome.assessedOn()
                + (outcome.baselineValue() == null ? "" : ", baseline " + plain(outcome.baselineValue()));
        if (outcome.improvementPercent() == null) {
            String why = outcome.baselineValue() == null ? "no baseline for " + outcome.measure()
                    : "baseline of " + outcome.measure() + " is " + plain(outcome.baselineValue());
            return new Assessment(false, why + ": the improvement cannot be computed (" + figures + ")"
                    + (threshold == null ? "" : "; the payer's threshold is " + plain(threshold) + " %"));
        }
        String improvement = "improvement " + outcome.improvementPercent().setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
        if (threshold == null) {
            return new Assessment(false, improvement + ": no threshold is configured for " + outcome.measure()
                    + " (" + figures + ")");
        }
        boolean reaches = outcome.improvementPercent().compareTo(threshold) >= 0;
        return new Assessment(reaches, improvement + (reaches ? " reaches" : " is below") + " the payer's "
                + plain(threshold) + " % threshold (" + figures + ")");
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
