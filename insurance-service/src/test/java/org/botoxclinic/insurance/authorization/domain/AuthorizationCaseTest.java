package org.botoxclinic.insurance.authorization.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.domain.RuleRefusedException;
import org.junit.jupiter.api.Test;
import org.botoxclinic.platform.domain.Coverage;

class AuthorizationCaseTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-24T12:00:00Z");
    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate TO = LocalDate.of(2027, 5, 31);
    private static final IndicationDefaults MIGRAINE = new IndicationDefaults("CHRONIC_MIGRAINE", "64615", "J0585", 155, 2, 6);
    private static final List<RequirementTemplate> CHECKLIST = List.of(
            new RequirementTemplate("HEADACHE_DIARY", "diary", true, RequirementStage.INITIAL,
                    "headacheDaysPerMonth >= 15 and symptomMonths >= 3", 1),
            new RequirementTemplate("SPECIALIST_PRESCRIBER", "specialist", true, RequirementStage.BOTH, null, 2),
            new RequirementTemplate("OTHER_TOXINS_TRIED", "optional", false, RequirementStage.INITIAL, null, 3));

    private static AuthorizationCase open(Map<String, Object> details) {
        return AuthorizationCase.open(new AcceptedReferral(UUID.randomUUID(), "CHRONIC_MIGRAINE", List.of("G43.709"),
                new PatientIdentity("A", "B", LocalDate.of(1984, 5, 17), "female"),
                new Coverage("AETNA", "Aetna", "W1", null, null), details), MIGRAINE, CHECKLIST, NOW);
    }

    private static AuthorizationCase approved(int units, int visits) {
        AuthorizationCase c = open(Map.of("headacheDaysPerMonth", 20, "symptomMonths", 24));
        c.updateRequirement("SPECIALIST_PRESCRIBER", true, "neurologist", NOW);
        c.submit(new Submission(SubmissionChannel.PORTAL, null, false, NOW, null), NOW.plusDays(7), NOW);
        c.decide(new Decision(DecisionOutcome.APPROVED, "A-1", units, visits, FROM, TO, null, null), NOW);
        return c;
    }

    private static Treatment treatment(int administered, int wasted) {
        return new Treatment(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), null, FROM, administered, wasted);
    }

    @Test
    void shouldStartWithTheItemsTheReferralProvesMetAndRequestTheDefaultLines() {
        AuthorizationCase c = open(Map.of("headacheDaysPerMonth", 20, "symptomMonths", 24));
        assertEquals(310, c.lines().units());
        assertEquals(2, c.lines().visits());
        assertTrue(c.checklist().item("HEADACHE_DIARY").orElseThrow().met());
        assertEquals(CaseRequirement.MET_BY_REFERRAL, c.checklist().item("HEADACHE_DIARY").orElseThrow().metBy());
        assertEquals(List.of("SPECIALIST_PRESCRIBER"), c.checklist().unmet());
        assertEquals(1, c.history().size());
    }

    @Test
    void shouldLeaveEveryItemUnmetWithoutClinicalDetails() {
        assertEquals(List.of("HEADACHE_DIARY", "SPECIALIST_PRESCRIBER"), open(null).checklist().unmet());
    }

    @Test
    void shouldCountUnitsAdministeredPlusWastedUpToExhaustion() {
        AuthorizationCase c = approved(310, 2);
        assertFalse(c.recordTreatment(treatment(155, 0), NOW));
        assertEquals(CaseStatus.APPROVED, c.status());
        assertEquals(155, c.usage().units());
        assertEquals(1, c.usage().visits());
        assertTrue(c.recordTreatment(treatment(150, 5), NOW));
        assertEquals(CaseStatus.EXHAUSTED, c.status());
        assertEquals(310, c.usage().units());
        assertFalse(c.usage().overApproval());
    }

    @Test
    void shouldExhaustWhenTheUnitsRunOutBeforeTheVisitsAndFlagUseBeyondThem() {
        AuthorizationCase c = approved(300, 2);
        assertFalse(c.recordTreatment(treatment(155, 0), NOW));
        assertTrue(c.recordTreatment(treatment(155, 10), NOW));
        assertEquals(320, c.usage().units());
        assertTrue(c.usage().overApproval());
        assertTrue(c.usage().uses().get(1).beyondApproval());
        assertFalse(c.usage().uses().get(0).beyondApproval());
    }

    @Test
    void shouldRecordAndFlagATreatmentAfterExhaustion() {
        AuthorizationCase c = approved(155, 1);
        assertTrue(c.recordTreatment(treatment(155, 0), NOW));
        assertFalse(c.recordTreatment(treatment(155, 0), NOW));
        assertEquals(CaseStatus.EXHAUSTED, c.status());
        assertEquals(2, c.usage().visits());
        assertEquals(310, c.usage().units());
        assertTrue(c.usage().overApproval());
    }

    @Test
    void shouldOnlyChangeTheChecklistBeforeAnAnswerIsAwaited() {
        AuthorizationCase c = approved(310, 2);
        assertThrows(IllegalTransitionException.class, () -> c.updateRequirement("HEADACHE_DIARY", false, null, NOW));
    }

    @Test
    void shouldNotPendAnAppeal() {
        AuthorizationCase c = open(null);
        c.submit(new Submission(SubmissionChannel.FAX, null, false, NOW, "urgent"), NOW.plusDays(7), NOW);
        c.decide(new Decision(DecisionOutcome.DENIED, null, null, null, null, null, "no diary", null), NOW);
        c.appeal(NOW, "diary attached", NOW.plusDays(30), NOW);
        assertThrows(IllegalTransitionException.class, () -> c.decide(
                new Decision(DecisionOutcome.PENDED, null, null, null, null, null, null, "more"), NOW));
        assertEquals(CaseStatus.APPEALED, c.status());
    }

    @Test
    void shouldOpenAReauthorizationLinkedToItsPredecessor() {
        AuthorizationCase c = approved(310, 2);
        AuthorizationCase next = c.reauthorization(MIGRAINE, List.of(new RequirementTemplate("DOCUMENTED_BENEFIT", "benefit", true,
                RequirementStage.REAUTHORIZATION, null, 5)), ReauthorizationReason.WINDOW_ENDING, NOW);
        assertEquals(c.id(), next.previousCaseId());
        assertEquals(c.referralId(), next.referralId());
        assertEquals(CaseStatus.PENDING_SUBMISSION, next.status());
        assertEquals(List.of("DOCUMENTED_BENEFIT"), next.checklist().unmet());
    }

    @Test
    void shouldRefuseASubmissionWithUnmetItemsUnlessOverriddenAndKeepTheOverride() {
        AuthorizationCase c = open(Map.of("headacheDaysPerMonth", 20, "symptomMonths", 24));
        RuleRefusedException refused = assertThrows(RuleRefusedException.class, () ->
                c.submit(new Submission(SubmissionChannel.PORTAL, null, false, NOW, null), NOW.plusDays(7), NOW));
        assertEquals(Submission.REQUIREMENTS_UNMET, refused.code());
        assertEquals(List.of("SPECIALIST_PRESCRIBER"), refused.properties().get("unmet"));
        assertEquals(CaseStatus.PENDING_SUBMISSION, c.status());

        c.submit(new Submission(SubmissionChannel.PORTAL, null, true, NOW, " notes attached "), NOW.plusHours(72), NOW);
        assertEquals(CaseStatus.SUBMITTED, c.status());
        assertEquals("notes attached", c.submission().overrideReason());
        assertEquals(NOW.plusHours(72), c.decisionDueAt());
    }

    @Test
    void shouldNameTheStatusBeforeTheChecklistWhenASubmissionIsNotAllowed() {
        AuthorizationCase c = open(null);
        c.withdraw("duplicate", NOW);
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class, () ->
                c.submit(new Submission(SubmissionChannel.PORTAL, null, false, NOW, null), NOW.plusDays(7), NOW));
        assertEquals("WITHDRAWN", refused.currentStatus());
        assertEquals("Authorization case is WITHDRAWN and cannot be submitted", refused.detail());
    }

    @Test
    void shouldRefuseAnAppealFiledBeforeTheDenial() {
        AuthorizationCase c = open(null);
        c.submit(new Submission(SubmissionChannel.FAX, null, false, NOW, "urgent"), NOW.plusDays(7), NOW);
        c.decide(new Decision(DecisionOutcome.DENIED, null, null, null, null, null, "no diary", null), NOW);
        InvalidInputException invalid = assertThrows(InvalidInputException.class,
                () -> c.appeal(NOW.minusMinutes(1), "diary attached", NOW.plusDays(30), NOW));
        assertEquals(List.of("submittedAt"), List.copyOf(invalid.fieldMessages().keySet()));
        assertEquals(CaseStatus.DENIED, c.status());
    }

    @Test
    void shouldTakeItsPlaceInTheQueueWithEveryChangeOfStatus() {
        AuthorizationCase c = open(null);
        assertEquals(1, c.queue().rank());
        assertEquals(NOW, c.queue().at());
        c.submit(new Submission(SubmissionChannel.FAX, null, false, NOW, "urgent"), NOW.plusDays(7), NOW);
        assertEquals(0, c.queue().rank());
        assertEquals(NOW.plusDays(7), c.queue().at());
        c.decide(new Decision(DecisionOutcome.APPROVED, "A-1", 310, 2, FROM, TO, null, null), NOW.plusDays(1));
        assertEquals(2, c.queue().rank());
        assertEquals(TO.atStartOfDay().atOffset(java.time.ZoneOffset.UTC), c.queue().at());
        c.expire(NOW.plusDays(200));
        assertEquals(3, c.queue().rank());
        assertEquals(NOW.plusDays(200), c.queue().at());
    }
}
