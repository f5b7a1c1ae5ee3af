package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class DocumentedBenefitTest {

    private static final LocalDate ASSESSED = LocalDate.of(2027, 3, 1);
    private static final BigDecimal FIFTY = new BigDecimal("50.0");

    private static MeasuredOutcome headacheDays(String value, String baseline, String improvement) {
        return new MeasuredOutcome("HEADACHE_DAYS_PER_MONTH", new BigDecimal(value),
                baseline == null ? null : new BigDecimal(baseline), improvement == null ? null : new BigDecimal(improvement),
                ASSESSED);
    }

    @Test
    void shouldMeetTheItemAtAndAboveThePayersThreshold() {
        DocumentedBenefit.Assessment at = DocumentedBenefit.assess(headacheDays("10", "20", "50.0"), FIFTY);
        assertTrue(at.met());
        assertEquals("improvement 50.0 % reaches the payer's 50 % threshold (HEADACHE_DAYS_PER_MONTH 10 on 2027-03-01,"
                + " baseline 20)", at.note());
        assertTrue(DocumentedBenefit.assess(headacheDays("10", "20.1", "50.2"), FIFTY).met());
    }

    @Test
    void shouldLeaveTheItemUnmetJustBelowTheThresholdWithTheFigureInTheNote() {
        DocumentedBenefit.Assessment below = DocumentedBenefit.assess(headacheDays("10.1", "20.2", "49.9"), FIFTY);
        assertFalse(below.met());
        assertTrue(below.note().startsWith("improvement 49.9 % is below the payer's 50 % threshold"), below.note());
        assertEquals("improvement 35.0 % is below the payer's 50 % threshold (HEADACHE_DAYS_PER_MONTH 13 on 2027-03-01,"
                + " baseline 20)", DocumentedBenefit.assess(headacheDays("13", "20", "35"), FIFTY).note());
    }

    @Test
    void shouldSayWhyWithoutABaselineOrAThreshold() {
        DocumentedBenefit.Assessment noBaseline = DocumentedBenefit.assess(headacheDays("9", null, null), FIFTY);
        assertFalse(noBaseline.met());
        assertEquals("no baseline for HEADACHE_DAYS_PER_MONTH: the improvement cannot be computed"
                + " (HEADACHE_DAYS_PER_MONTH 9 on 2027-03-01); the payer's threshold is 50 %", noBaseline.note());
        assertTrue(DocumentedBenefit.assess(headacheDays("9", "0", null), FIFTY).note()
                .startsWith("baseline of HEADACHE_DAYS_PER_MONTH is 0"));
        DocumentedBenefit.Assessment noThreshold = DocumentedBenefit.assess(headacheDays("5", "20", "75.0"), null);
        assertFalse(noThreshold.met());
        assertTrue(noThreshold.note().contains("no threshold is configured for HEADACHE_DAYS_PER_MONTH"), noThreshold.note());
    }

    @Test
    void shouldCountAWorseningAsBelowAnyThreshold() {
        DocumentedBenefit.Assessment worse = DocumentedBenefit.assess(headacheDays("25", "20", "-25.0"), new BigDecimal("30"));
        assertFalse(worse.met());
        assertTrue(worse.note().startsWith("improvement -25.0 % is below the payer's 30 % threshold"), worse.note());
    }
}
