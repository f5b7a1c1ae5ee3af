package org.botoxclinic.referral.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.TriageInput;
import org.botoxclinic.referral.referral.domain.TriageOutcome;
import org.botoxclinic.referral.referral.domain.TriageReason;
import org.botoxclinic.referral.referral.domain.TriageResult;
import org.botoxclinic.referral.referral.domain.TriageRules;
import org.junit.jupiter.api.Test;

class TriageRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final LocalDate ADULT = LocalDate.of(1980, 1, 1);

    private static ClinicalDetails migraine(Integer days, Double hours, Integer months) {
        return new ClinicalDetails(days, hours, null, months, null, null, null, null, null, null, null, null);
    }

    private static TriageResult screen(Indication indication, LocalDate born, ClinicalDetails details) {
        return TriageRules.screen(new TriageInput(indication, born, TODAY, details));
    }

    private static List<String> codes(TriageResult result) {
        return result.reasons().stream().map(TriageReason::code).toList();
    }

    @Test
    void shouldMeetChronicMigraineCriteriaAtEveryThreshold() {
        TriageResult result = screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(15, 4.0, 4));
        assertEquals(TriageOutcome.MEETS_CRITERIA, result.outcome());
    }

    @Test
    void shouldRefuse14HeadacheDaysAndAccept15() {
        assertEquals(TriageOutcome.DOES_NOT_MEET_CRITERIA, screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(14, 6.0, 12)).outcome());
        assertEquals(List.of("HEADACHE_DAYS_NOT_MET"), codes(screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(14, 6.0, 12))));
        assertEquals(TriageOutcome.MEETS_CRITERIA, screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(15, 6.0, 12)).outcome());
    }

    @Test
    void shouldRefuse3Point9HoursAndAccept4() {
        assertEquals(List.of("HEADACHE_HOURS_NOT_MET"), codes(screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(20, 3.9, 12))));
        assertEquals(TriageOutcome.MEETS_CRITERIA, screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(20, 4.0, 12)).outcome());
    }

    @Test
    void shouldNeedMoreThanThreeMonthsOfSymptoms() {
        assertEquals(List.of("SYMPTOM_DURATION_NOT_MET"), codes(screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(20, 6.0, 3))));
        assertEquals(TriageOutcome.MEETS_CRITERIA, screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(20, 6.0, 4)).outcome());
    }

    @Test
    void shouldTreatAPatientAsAdultFromThe18thBirthdayNotTheDayBefore() {
        LocalDate eighteenTomorrow = TODAY.minusYears(18).plusDays(1);
        LocalDate eighteenToday = TODAY.minusYears(18);
        assertEquals(List.of("ADULT_NOT_MET"), codes(screen(Indication.CHRONIC_MIGRAINE, eighteenTomorrow, migraine(20, 6.0, 12))));
        assertEquals(TriageOutcome.MEETS_CRITERIA, screen(Indication.CHRONIC_MIGRAINE, eighteenToday, migraine(20, 6.0, 12)).outcome());
        assertEquals(TriageOutcome.DOES_NOT_MEET_CRITERIA, screen(Indication.CERVICAL_DYSTONIA, eighteenTomorrow, null).outcome());
        assertEquals(TriageOutcome.MEETS_CRITERIA, screen(Indication.CERVICAL_DYSTONIA, eighteenToday, null).outcome());
    }

    @Test
    void shouldAdmitBlepharospasmFrom12AndSpasticityFrom2() {
        assertEquals(TriageOutcome.DOES_NOT_MEET_CRITERIA, screen(Indication.BLEPHAROSPASM, TODAY.minusYears(12).plusDays(1), null).outcome());
        assertEquals(TriageOutcome.MEETS_CRITERIA, screen(Indication.BLEPHAROSPASM, TODAY.minusYears(12), null).outcome());
        assertEquals(TriageOutcome.DOES_NOT_MEET_CRITERIA, screen(Indication.SPASTICITY, TODAY.minusYears(2).plusDays(1), null).outcome());
        assertEquals(TriageOutcome.MEETS_CRITERIA, screen(Indication.SPASTICITY, TODAY.minusYears(2), null).outcome());
    }

    @Test
    void shouldAskForReviewNamingWhatIsMissing() {
        TriageResult result = screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(20, null, null));
        assertEquals(TriageOutcome.NEEDS_REVIEW, result.outcome());
        assertEquals(List.of("HEADACHE_HOURS_MISSING", "SYMPTOM_DURATION_MISSING"), codes(result));
        assertTrue(result.reasons().get(0).text().contains("clinicalDetails.headacheHoursPerDay"));
        assertEquals(TriageOutcome.NEEDS_REVIEW, screen(Indication.CHRONIC_MIGRAINE, ADULT, null).outcome());
    }

    @Test
    void shouldReportNotMetBeforeMissing() {
        TriageResult result = screen(Indication.CHRONIC_MIGRAINE, ADULT, migraine(10, null, 12));
        assertEquals(TriageOutcome.DOES_NOT_MEET_CRITERIA, result.outcome());
        assertEquals(List.of("HEADACHE_DAYS_NOT_MET", "HEADACHE_HOURS_MISSING"), codes(result));
    }

    @Test
    void shouldLeaveIndicationsWithoutCriteriaToAClinician() {
        TriageResult result = screen(Indication.HEMIFACIAL_SPASM, ADULT, null);
        assertEquals(TriageOutcome.NEEDS_REVIEW, result.outcome());
        assertEquals(List.of("NO_SCREENING_RULES"), codes(result));
    }
}
