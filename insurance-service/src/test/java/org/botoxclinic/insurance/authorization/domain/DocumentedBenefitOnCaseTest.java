package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.junit.jupiter.api.Test;

class DocumentedBenefitOnCaseTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T12:00:00Z");
    private static final DocumentedBenefit.Assessment REACHED = new DocumentedBenefit.Assessment(true, "improvement 55.0 %");
    private static final DocumentedBenefit.Assessment BELOW = new DocumentedBenefit.Assessment(false, "improvement 35.0 %");

    private static AuthorizationCase reauthorization() {
        AuthorizationCase initial = AuthorizationCase.open(new AcceptedReferral(UUID.randomUUID(), UUID.randomUUID(),
                        "CHRONIC_MIGRAINE", List.of("G43.709"), new PatientIdentity("A", "B", LocalDate.of(1984, 5, 17), "female"),
                        new Coverage("AETNA", "Aetna", "W1", null, null), null),
                new IndicationDefaults("CHRONIC_MIGRAINE", "64615", "J0585", 155, 2, 6), List.of(), NOW);
        return initial.reauthorization(new IndicationDefaults("CHRONIC_MIGRAINE", "64615", "J0585", 155, 2, 6), List.of(
                new RequirementTemplate("SPECIALIST_PRESCRIBER", "specialist", true, RequirementStage.BOTH, null, 1),
                new RequirementTemplate("DOCUMENTED_BENEFIT", "benefit", true, RequirementStage.REAUTHORIZATION, null, 2)),
                ReauthorizationReason.VISITS_USED_UP, NOW);
    }

    private static CaseRequirement benefit(AuthorizationCase c) {
        return c.checklist().item(DocumentedBenefit.REQUIREMENT).orElseThrow();
    }

    @Test
    void shouldFollowTheLatestAssessmentAndKeepThePatientOfThePreviousCase() {
        AuthorizationCase c = reauthorization();
        assertTrue(c.awaitsDocumentedBenefit());
        assertTrue(c.assessBenefit(REACHED, NOW));
        assertEquals(CaseRequirement.MET_BY_OUTCOME, benefit(c).metBy());
        assertFalse(c.assessBenefit(REACHED, NOW), "the same verdict changes nothing");
        assertTrue(c.assessBenefit(BELOW, NOW));
        assertFalse(benefit(c).met());
        assertEquals("improvement 35.0 %", benefit(c).note());
        assertEquals(List.of("SPECIALIST_PRESCRIBER", "DOCUMENTED_BENEFIT"), c.checklist().unmet());
    }

    @Test
    void shouldLeaveAStaffDecisionAndASubmittedChecklistAlone() {
        AuthorizationCase staff = reauthorization();
        staff.updateRequirement("DOCUMENTED_BENEFIT", true, "letter from the neurologist", NOW);
        assertFalse(staff.assessBenefit(BELOW, NOW));
        assertEquals(CaseRequirement.MET_BY_STAFF, benefit(staff).metBy());

        AuthorizationCase submitted = reauthorization();
        submitted.submit(new Submission(SubmissionChannel.PORTAL, null, false, NOW, "sent early"), NOW.plusDays(7), NOW);
        assertFalse(submitted.awaitsDocumentedBenefit());
        assertFalse(submitted.assessBenefit(REACHED, NOW));
        assertFalse(benefit(submitted).met());
    }
}
