package org.botoxclinic.scheduling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.ChangeFromBaseline;
import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.OutcomeMeasure;
import org.botoxclinic.scheduling.plan.domain.ResponseAfterTwoTreatments;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The outcome scales, the change from baseline, the response after two treatments, and the plan's outcome rules. */
class OutcomeRulesTest {

    private static final ZoneId CLINIC = ZoneId.of("America/New_York");
    /** 15:00 UTC is 10:00 in the clinic, the same day. */
    private static final OffsetDateTime ACCEPTED = OffsetDateTime.of(2026, 11, 24, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate ACCEPTED_ON = LocalDate.of(2026, 11, 24);
    private static final PatientIdentity PATIENT = new PatientIdentity("Alex", "Rivera", LocalDate.of(1984, 5, 17), "female");

    private static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "HEADACHE_DAYS_PER_MONTH, -1, false", "HEADACHE_DAYS_PER_MONTH, 0, true", "HEADACHE_DAYS_PER_MONTH, 31, true",
            "HEADACHE_DAYS_PER_MONTH, 32, false", "HEADACHE_DAYS_PER_MONTH, 12.5, false", "HEADACHE_DAYS_PER_MONTH, 12.0, true",
            "MIDAS, -1, false", "MIDAS, 0, true", "MIDAS, 270, true", "MIDAS, 271, false",
            "HIT_6, 35, false", "HIT_6, 36, true", "HIT_6, 78, true", "HIT_6, 79, false",
            "TWSTRS_TOTAL, -1, false", "TWSTRS_TOTAL, 0, true", "TWSTRS_TOTAL, 85, true", "TWSTRS_TOTAL, 86, false",
            "MODIFIED_ASHWORTH, -1, false", "MODIFIED_ASHWORTH, 0, true", "MODIFIED_ASHWORTH, 1, true",
            "MODIFIED_ASHWORTH, 1.5, true", "MODIFIED_ASHWORTH, 1.50, true", "MODIFIED_ASHWORTH, 1.25, false",
            "MODIFIED_ASHWORTH, 2, true", "MODIFIED_ASHWORTH, 2.5, false", "MODIFIED_ASHWORTH, 3, true",
            "MODIFIED_ASHWORTH, 4, true", "MODIFIED_ASHWORTH, 5, false",
            "JANKOVIC_RATING_SCALE, -1, false", "JANKOVIC_RATING_SCALE, 0, true", "JANKOVIC_RATING_SCALE, 8, true",
            "JANKOVIC_RATING_SCALE, 9, false",
            "CGI_SEVERITY, 0, false", "CGI_SEVERITY, 1, true", "CGI_SEVERITY, 7, true", "CGI_SEVERITY, 8, false",
            "CGI_SEVERITY, 1E+400, false", "HIT_6, 4E+1, true"})
    void shouldAcceptExactlyTheValuesOnEachScale(OutcomeMeasure measure, String value, boolean accepted) {
        assertEquals(accepted, measure.problemWith(n(value)).isEmpty(), measure.problemWith(n(value)).toString());
    }

    @Test
    void shouldAllowThePrimaryAndOptionalMeasuresOfEachIndicationOnly() {
        assertEquals(List.of(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, OutcomeMeasure.MIDAS, OutcomeMeasure.HIT_6),
                OutcomeMeasure.allowedFor("CHRONIC_MIGRAINE"));
        assertEquals(Optional.of(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH), OutcomeMeasure.primaryFor("CHRONIC_MIGRAINE"));
        assertEquals(List.of(OutcomeMeasure.TWSTRS_TOTAL), OutcomeMeasure.allowedFor("CERVICAL_DYSTONIA"));
        assertEquals(List.of(OutcomeMeasure.MODIFIED_ASHWORTH), OutcomeMeasure.allowedFor("SPASTICITY"));
        assertEquals(Optional.of(OutcomeMeasure.JANKOVIC_RATING_SCALE), OutcomeMeasure.primaryFor("BLEPHAROSPASM"));
        assertEquals(Optional.of(OutcomeMeasure.JANKOVIC_RATING_SCALE), OutcomeMeasure.primaryFor("HEMIFACIAL_SPASM"));
        assertEquals(Optional.of(OutcomeMeasure.CGI_SEVERITY), OutcomeMeasure.primaryFor("LUMBAR_DYSTONIA"));
        assertEquals(Optional.of(OutcomeMeasure.CGI_SEVERITY), OutcomeMeasure.primaryFor("WRITERS_CRAMP"));
        assertFalse(OutcomeMeasure.MIDAS.isPrimaryFor("CHRONIC_MIGRAINE"));
        assertFalse(OutcomeMeasure.MIDAS.isAllowedFor("CERVICAL_DYSTONIA"));
        assertEquals(List.of(), OutcomeMeasure.allowedFor("SOMETHING_ELSE"));
        assertEquals(Optional.empty(), OutcomeMeasure.primaryFor("SOMETHING_ELSE"));
    }

    @ParameterizedTest(name = "baseline {0}, value {1}: {2} %")
    @CsvSource({"20, 14, 30.0", "77, 54, 29.9", "20, 10, 50.0", "20, 20, 0.0", "20, 25, -25.0", "3, 2, 33.3",
            "3, 1, 66.7", "80, 79, 1.3", "80, 81, -1.3", "40, 39, 2.5", "1.5, 1, 33.3", "4, 0, 100.0"})
    void shouldWorkOutTheImprovementHalfUpToOneDecimal(String baseline, String value, String percent) {
        assertEquals(n(percent), ChangeFromBaseline.improvementPercent(n(baseline), n(value)));
    }

    @Test
    void shouldGiveNoPercentageWithoutABaselineOnTheSameScaleOrAgainstZero() {
        Measurement outcome = new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("4"));
        ChangeFromBaseline zero = ChangeFromBaseline.of(new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("0")), outcome);
        assertNull(zero.improvementPercent());
        assertEquals(n("-4"), zero.absoluteImprovement());
        ChangeFromBaseline none = ChangeFromBaseline.of(null, outcome);
        assertNull(none.baselineValue());
        assertNull(none.absoluteImprovement());
        assertNull(none.improvementPercent());
        ChangeFromBaseline otherScale = ChangeFromBaseline.of(new Measurement(OutcomeMeasure.MIDAS, n("40")), outcome);
        assertNull(otherScale.improvementPercent());
        ChangeFromBaseline better = ChangeFromBaseline.of(new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("20.0")), outcome);
        assertEquals(n("16"), better.absoluteImprovement());
        assertEquals(n("80.0"), better.improvementPercent());
        assertEquals("20", better.baselineValue().toPlainString());
    }

    @Test
    void shouldJudgeTheResponseOnlyOnAnAssessmentAfterTheSecondTreatment() {
        LocalDate second = LocalDate.of(2027, 3, 17);
        BigDecimal figure = n("29.9");
        assertNull(ResponseAfterTwoTreatments.improvement(1, null, second.plusDays(30), figure));
        assertNull(ResponseAfterTwoTreatments.improvement(2, second, second, figure));
        assertNull(ResponseAfterTwoTreatments.improvement(2, second, second.minusDays(1), figure));
        assertNull(ResponseAfterTwoTreatments.improvement(2, second, null, null));
        assertEquals(figure, ResponseAfterTwoTreatments.improvement(2, second, second.plusDays(1), figure));
        assertEquals(figure, ResponseAfterTwoTreatments.improvement(3, second, second.plusDays(1), figure));
        assertNull(ResponseAfterTwoTreatments.improvement(2, second, second.plusDays(1), null));

        assertTrue(ResponseAfterTwoTreatments.isNonResponder(n("29.9"), n("30")));
        assertFalse(ResponseAfterTwoTreatments.isNonResponder(n("30.0"), n("30")));
        assertTrue(ResponseAfterTwoTreatments.isNonResponder(n("-10.0"), n("30")));
        assertFalse(ResponseAfterTwoTreatments.isNonResponder(null, n("30")));
        assertFalse(ResponseAfterTwoTreatments.isNonResponder(n("49.9"), n("30")));
        assertTrue(ResponseAfterTwoTreatments.isNonResponder(n("49.9"), n("50")));
    }

    private static TreatmentPlan accepted(String indication, Measurement baseline) {
        TreatmentPlan plan = TreatmentPlan.start(UUID.randomUUID(), indication, ACCEPTED);
        plan.referralAccepted(PATIENT, null, indication, ACCEPTED, baseline, ACCEPTED);
        return plan;
    }

    private static Map<String, String> problems(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).fieldMessages();
    }

    @Test
    void shouldTakeOnlyABaselineThatFitsTheIndication() {
        Measurement days = new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("20"));
        assertEquals(days, accepted("CHRONIC_MIGRAINE", days).baseline());
        assertNull(accepted("CERVICAL_DYSTONIA", days).baseline());
        assertNull(accepted("CHRONIC_MIGRAINE", new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("40"))).baseline());
        assertNull(accepted("CHRONIC_MIGRAINE", null).baseline());
        // A later acceptance without a baseline (a record from before baselines travelled) keeps the one known.
        TreatmentPlan plan = accepted("CHRONIC_MIGRAINE", days);
        plan.referralAccepted(PATIENT, null, "CHRONIC_MIGRAINE", ACCEPTED, null, ACCEPTED);
        assertEquals(days, plan.baseline());
    }

    @Test
    void shouldRecordAnOutcomeFromTheAcceptanceDayUpToToday() {
        TreatmentPlan plan = accepted("CHRONIC_MIGRAINE", new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("20")));
        LocalDate today = ACCEPTED_ON.plusDays(100);
        Measurement twelve = new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("12"));
        assertEquals(Map.of("assessedOn", "must not be after today (" + today + ")"),
                problems(() -> plan.recordOutcome(twelve, today.plusDays(1), today, CLINIC, ACCEPTED)));
        assertEquals(Map.of("assessedOn", "must not be before the plan began (" + ACCEPTED_ON + ")"),
                problems(() -> plan.recordOutcome(twelve, ACCEPTED_ON.minusDays(1), today, CLINIC, ACCEPTED)));
        assertEquals(today, plan.recordOutcome(twelve, today, today, CLINIC, ACCEPTED).assessedOn());
        assertEquals(ACCEPTED_ON, plan.recordOutcome(new Measurement(OutcomeMeasure.MIDAS, n("30")), ACCEPTED_ON, today,
                CLINIC, ACCEPTED).assessedOn());

        Map<String, String> all = problems(() -> plan.recordOutcome(new Measurement(OutcomeMeasure.TWSTRS_TOTAL, n("86")),
                today.plusDays(1), today, CLINIC, ACCEPTED));
        assertEquals(List.of("assessedOn", "measure", "value"), List.copyOf(all.keySet()));
    }

    @Test
    void shouldJudgeTheLatestPrimaryOutcomeAfterTheSecondTreatment() {
        TreatmentPlan plan = accepted("CHRONIC_MIGRAINE", new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n("20")));
        plan.authorizationApproved(new Authorization(UUID.randomUUID(), "A-1", ACCEPTED_ON, ACCEPTED_ON.plusMonths(12), 4, 800),
                "CHRONIC_MIGRAINE", null, false, ACCEPTED);
        LocalDate first = ACCEPTED_ON.plusDays(20);
        LocalDate second = first.plusDays(84);
        LocalDate today = second.plusDays(60);
        plan.treated(first, 155, 0, ACCEPTED);
        plan.recordOutcome(days("14"), first.plusDays(30), today, CLINIC, ACCEPTED);
        assertEquals(1, plan.treatmentsCompleted());
        assertNull(plan.improvementAfterSecondTreatment());
        assertEquals(n("30.0"), plan.latestPrimaryOutcome().change().improvementPercent());

        plan.treated(second, 155, 0, ACCEPTED);
        assertEquals(second, plan.secondTreatmentDate());
        assertNull(plan.improvementAfterSecondTreatment(), "the latest primary outcome is from before the second treatment");
        plan.recordOutcome(days("15"), second, today, CLINIC, ACCEPTED);
        assertNull(plan.improvementAfterSecondTreatment(), "an assessment on the day of the injection comes before it");
        plan.recordOutcome(days("15"), second.plusDays(30), today, CLINIC, ACCEPTED);
        assertEquals(n("25.0"), plan.improvementAfterSecondTreatment());
        // An optional measure and a back-dated primary outcome do not replace the latest primary one.
        plan.recordOutcome(new Measurement(OutcomeMeasure.MIDAS, n("2")), second.plusDays(40), today, CLINIC, ACCEPTED);
        plan.recordOutcome(days("2"), second.plusDays(10), today, CLINIC, ACCEPTED);
        assertEquals(n("25.0"), plan.improvementAfterSecondTreatment());
        assertEquals(second.plusDays(30), plan.latestPrimaryOutcome().assessedOn());
        plan.recordOutcome(days("6"), second.plusDays(50), today, CLINIC, ACCEPTED);
        assertEquals(n("70.0"), plan.improvementAfterSecondTreatment());
    }

    @Test
    void shouldRefuseAnOutcomeOnACancelledPlan() {
        TreatmentPlan plan = accepted("CHRONIC_MIGRAINE", null);
        plan.cancel(ACCEPTED, ACCEPTED);
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> plan.recordOutcome(days("10"), ACCEPTED_ON, ACCEPTED_ON, CLINIC, ACCEPTED));
        assertEquals("CANCELLED", refused.currentStatus());
        assertEquals(0, plan.treatmentsCompleted());
    }

    private static Measurement days(String value) {
        return new Measurement(OutcomeMeasure.HEADACHE_DAYS_PER_MONTH, n(value));
    }
}
