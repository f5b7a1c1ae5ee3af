package org.botoxclinic.scheduling.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Whether a patient responds is judged after two treatment cycles: on the latest primary-measure outcome assessed
 * after the second treatment, against the baseline. A patient improved by less than the threshold (e.g. 30 %) is a
 * non-responder; without a baseline, or before such an assessment, nothing is judged.
 */
public final class ResponseAfterTwoTreatments {

    public static final int TREATMENTS_BEFORE_JUDGING = 2;

    private ResponseAfterTwoTreatments() {
    }

    /**
     * The improvement the response is judged on, or null when there is nothing to judge yet: fewer than two
     * treatments, the latest primary outcome assessed on or before the day of the second (an assessment that day is
     * taken before the injection), or no percentage against the baseline.
     */
    public static BigDecimal improvement(int treatmentsCompleted, LocalDate secondTreatmentDate, LocalDate latestAssessedOn,
                                         BigDecimal latestImprovementPercent) {
        if (treatmentsCompleted < TREATMENTS_BEFORE_JUDGING || secondTreatmentDate == null || latestAssessedOn == null
                || !latestAssessedOn.isAfter(secondTreatmentDate)) {
            return null;
        }
        return latestImprovementPercent;
    }

    /** Improved by less than the threshold: the same comparison the non-responders list makes in its query. */
    public static boolean isNonResponder(BigDecimal improvement, BigDecimal belowPercent) {
        return improvement != null && improvement.compareTo(belowPercent) < 0;
    }
}
