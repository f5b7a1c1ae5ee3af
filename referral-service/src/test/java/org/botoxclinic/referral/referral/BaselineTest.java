package org.botoxclinic.referral.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.botoxclinic.referral.referral.domain.Baseline;
import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.ModifiedAshworthGrade;
import org.botoxclinic.referral.referral.domain.OutcomeMeasure;
import org.junit.jupiter.api.Test;

/** Each indication's baseline is its primary measure, read from the clinical details, or none. */
class BaselineTest {

    private static final ClinicalDetails ALL = new ClinicalDetails(18, 6.0, 10, 24, null, null, null, null, 40, 1.5, 5, 4);

    @Test
    void shouldTakeEachIndicationsPrimaryMeasure() {
        assertEquals(new Baseline(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, 18), ALL.baselineFor(Indication.CHRONIC_MIGRAINE).orElseThrow());
        assertEquals(new Baseline(OutcomeMeasure.TWSTRS_TOTAL, 40), ALL.baselineFor(Indication.CERVICAL_DYSTONIA).orElseThrow());
        assertEquals(new Baseline(OutcomeMeasure.MODIFIED_ASHWORTH, 1.5), ALL.baselineFor(Indication.SPASTICITY).orElseThrow());
        assertEquals(new Baseline(OutcomeMeasure.JANKOVIC_RATING_SCALE, 5), ALL.baselineFor(Indication.BLEPHAROSPASM).orElseThrow());
        assertEquals(new Baseline(OutcomeMeasure.JANKOVIC_RATING_SCALE, 5), ALL.baselineFor(Indication.HEMIFACIAL_SPASM).orElseThrow());
        assertEquals(new Baseline(OutcomeMeasure.CGI_SEVERITY, 4), ALL.baselineFor(Indication.LUMBAR_DYSTONIA).orElseThrow());
        assertEquals(new Baseline(OutcomeMeasure.CGI_SEVERITY, 4), ALL.baselineFor(Indication.WRITERS_CRAMP).orElseThrow());
    }

    @Test
    void shouldGiveNoBaselineWhenThePrimaryMeasureIsMissing() {
        for (Indication indication : Indication.values()) {
            assertTrue(ClinicalDetails.NONE.baselineFor(indication).isEmpty(), indication.name());
        }
        // Another indication's score is no baseline: TWSTRS says nothing about a migraine.
        ClinicalDetails dystoniaOnly = new ClinicalDetails(null, null, null, null, null, null, null, null, 40, null, null, null);
        assertTrue(dystoniaOnly.baselineFor(Indication.CHRONIC_MIGRAINE).isEmpty());
    }

    @Test
    void shouldAcceptOnlyTheModifiedAshworthGrades() {
        var check = new ModifiedAshworthGrade.Check();
        for (double grade : new double[]{0, 1, 1.5, 2, 3, 4}) {
            assertTrue(check.isValid(grade, null), String.valueOf(grade));
        }
        for (double other : new double[]{-1, 0.5, 1.2, 1.49, 1.51, 2.5, 3.5, 4.01, 5}) {
            assertFalse(check.isValid(other, null), String.valueOf(other));
        }
        assertTrue(check.isValid(null, null));
    }
}
