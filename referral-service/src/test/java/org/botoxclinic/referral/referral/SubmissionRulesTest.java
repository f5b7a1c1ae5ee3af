package org.botoxclinic.referral.referral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.SubmissionRules;
import org.junit.jupiter.api.Test;

class SubmissionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final Map<Indication, List<String>> CODES = Map.of(
            Indication.CHRONIC_MIGRAINE, List.of("G43.7"), Indication.BLEPHAROSPASM, List.of("G24.5"));

    private static Set<String> fields(ReferralSource source, String externalId, String npi, Indication indication,
                                      List<String> codes, LocalDate born) {
        return SubmissionRules.violations(source, externalId, npi, indication, codes, born, TODAY, CODES).keySet();
    }

    private static Set<String> fields(String npi, List<String> codes, LocalDate born) {
        return fields(ReferralSource.PARTNER, "EXT-1", npi, Indication.CHRONIC_MIGRAINE, codes, born);
    }

    @Test
    void shouldPassAValidSubmission() {
        assertTrue(fields("1234567893", List.of("G43.709"), LocalDate.of(1980, 5, 1)).isEmpty());
    }

    @Test
    void shouldRefuseAnNpiWhoseCheckDigitIsWrong() {
        assertEquals(Set.of("referringProvider.npi"), fields("1234567890", List.of("G43.709"), LocalDate.of(1980, 5, 1)));
    }

    @Test
    void shouldRequireACodeThatFitsTheIndication() {
        assertEquals(Set.of("diagnosisCodes"), fields("1234567893", List.of("G24.5"), LocalDate.of(1980, 5, 1)));
        assertTrue(fields("1234567893", List.of("R51.9", "G43.719"), LocalDate.of(1980, 5, 1)).isEmpty());
        assertTrue(fields(ReferralSource.PARTNER, "EXT-1", "1234567893", Indication.BLEPHAROSPASM, List.of("G24.5"),
                LocalDate.of(1980, 5, 1)).isEmpty());
    }

    @Test
    void shouldAcceptABirthDateOfYesterdayButNotToday() {
        assertTrue(fields("1234567893", List.of("G43.709"), TODAY.minusDays(1)).isEmpty());
        assertEquals(Set.of("patient.dateOfBirth"), fields("1234567893", List.of("G43.709"), TODAY));
        assertEquals(Set.of("patient.dateOfBirth"), fields("1234567893", List.of("G43.709"), TODAY.plusDays(1)));
    }

    @Test
    void shouldRefuseABirthDateMoreThan120YearsAgo() {
        assertTrue(fields("1234567893", List.of("G43.709"), TODAY.minusYears(120)).isEmpty());
        assertEquals(Set.of("patient.dateOfBirth"), fields("1234567893", List.of("G43.709"), TODAY.minusYears(120).minusDays(1)));
    }

    @Test
    void shouldRequireThePartnersOwnIdButNotForAPhoneReferral() {
        assertEquals(Set.of("externalReferralId"), fields(ReferralSource.PARTNER, null, "1234567893",
                Indication.CHRONIC_MIGRAINE, List.of("G43.709"), LocalDate.of(1980, 5, 1)));
        assertTrue(fields(ReferralSource.PHONE, null, "1234567893", Indication.CHRONIC_MIGRAINE, List.of("G43.709"),
                LocalDate.of(1980, 5, 1)).isEmpty());
    }
}
