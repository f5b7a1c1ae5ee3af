package org.botoxclinic.scheduling.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.plan.domain.AuthorizationUsage;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.junit.jupiter.api.Test;

class TreatmentPlanStatusTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final Authorization AUTH = new Authorization(UUID.randomUUID(), "A-1", LocalDate.of(2026, 12, 1),
            LocalDate.of(2027, 5, 31), 2, 310);

    private static TreatmentPlan approved() {
        TreatmentPlan plan = TreatmentPlan.start(UUID.randomUUID(), "CHRONIC_MIGRAINE", NOW);
        plan.authorizationApproved(AUTH, "CHRONIC_MIGRAINE", null, false, NOW);
        return plan;
    }

    @Test
    void shouldMoveBetweenReadyAndScheduled() {
        TreatmentPlan plan = approved();
        assertEquals(PlanStatus.READY_TO_SCHEDULE, plan.status());
        plan.booked(NOW);
        assertEquals(PlanStatus.SCHEDULED, plan.status());
        plan.treated(LocalDate.of(2026, 12, 16), 155, 45, NOW);
        assertEquals(PlanStatus.READY_TO_SCHEDULE, plan.status());
        assertEquals(LocalDate.of(2026, 12, 16), plan.lastTreatmentDate());
        assertEquals(new AuthorizationUsage(1, 110, false, 0), plan.usage());
    }

    @Test
    void shouldEndOnlyWithThePlansOwnAuthorization() {
        TreatmentPlan plan = approved();
        assertFalse(plan.authorizationEnded(UUID.randomUUID(), PlanStatus.AUTHORIZATION_DENIED, NOW));
        assertEquals(PlanStatus.READY_TO_SCHEDULE, plan.status());
        assertTrue(plan.authorizationEnded(AUTH.id(), PlanStatus.AUTHORIZATION_EXPIRED, NOW));
        assertEquals(PlanStatus.AUTHORIZATION_EXPIRED, plan.status());
        assertFalse(plan.isBookable());

        Authorization renewed = new Authorization(UUID.randomUUID(), "A-2", LocalDate.of(2027, 6, 1),
                LocalDate.of(2027, 11, 30), 2, 310);
        plan.authorizationApproved(renewed, "CHRONIC_MIGRAINE", null, false, NOW);
        assertEquals(PlanStatus.READY_TO_SCHEDULE, plan.status());
        assertTrue(plan.isBookable());
    }

    @Test
    void shouldStayCancelledWhateverArrivesLater() {
        TreatmentPlan plan = TreatmentPlan.start(UUID.randomUUID(), null, NOW);
        plan.cancel(NOW, NOW);
        PatientIdentity referred = new PatientIdentity("Alex", "Rivera", LocalDate.of(1984, 5, 17), "female");
        assertFalse(plan.referralAccepted(referred, null, "CHRONIC_MIGRAINE", NOW, null, NOW));
        assertFalse(plan.authorizationApproved(AUTH, "CHRONIC_MIGRAINE", referred, false, NOW));
        assertFalse(plan.authorizationEnded(AUTH.id(), PlanStatus.AUTHORIZATION_DENIED, NOW));
        assertEquals(PlanStatus.CANCELLED, plan.status());
        assertFalse(plan.isBookable());
        assertNull(plan.patient());
        assertNull(plan.authorization());
        assertNull(plan.indication());
    }

    @Test
    void shouldTakeTheAcceptanceAndTheApprovalWhileNotCancelled() {
        TreatmentPlan plan = TreatmentPlan.start(UUID.randomUUID(), null, NOW);
        PatientIdentity referred = new PatientIdentity("Alex", "Rivera", LocalDate.of(1984, 5, 17), "female");
        assertTrue(plan.authorizationApproved(AUTH, "CHRONIC_MIGRAINE", null, false, NOW));
        assertTrue(plan.referralAccepted(referred, null, "CHRONIC_MIGRAINE", NOW, null, NOW));
        assertEquals(PlanStatus.READY_TO_SCHEDULE, plan.status());
        assertEquals(referred, plan.patient());
        assertEquals(AUTH, plan.authorization());
    }

    @Test
    void shouldKeepThePatientIdOnceKnownAndNotLoseItToAnAcceptanceWithout() {
        TreatmentPlan plan = TreatmentPlan.start(UUID.randomUUID(), null, NOW);
        PatientIdentity referred = new PatientIdentity("Alex", "Rivera", LocalDate.of(1984, 5, 17), "female");
        UUID patient = UUID.randomUUID();
        assertTrue(plan.referralAccepted(referred, patient, "CHRONIC_MIGRAINE", NOW, null, NOW));
        assertEquals(patient, plan.patientId());
        plan.referralAccepted(referred, null, "CHRONIC_MIGRAINE", NOW, null, NOW);
        assertEquals(patient, plan.patientId());
        plan.referralAccepted(referred, UUID.randomUUID(), "CHRONIC_MIGRAINE", NOW, null, NOW);
        assertEquals(patient, plan.patientId());

        TreatmentPlan cancelled = TreatmentPlan.start(UUID.randomUUID(), null, NOW);
        cancelled.cancel(NOW, NOW);
        assertFalse(cancelled.referralAccepted(referred, patient, "CHRONIC_MIGRAINE", NOW, null, NOW));
        assertNull(cancelled.patientId());
    }

    @Test
    void shouldNeverShowUnitsRemainingBelowZeroWithoutFlaggingTheOverrun() {
        assertEquals(new AuthorizationUsage(1, 0, false, 0), AuthorizationUsage.of(AUTH, 1, 310));
        assertEquals(new AuthorizationUsage(0, 0, true, 1), AuthorizationUsage.of(AUTH, 2, 311));
        assertEquals(new AuthorizationUsage(0, 0, true, 40), AuthorizationUsage.of(AUTH, 3, 350));
    }

    @Test
    void shouldChangeStatusOnlyAsThePlanStatusFlowAllows() {
        for (PlanStatus next : PlanStatus.values()) {
            assertFalse(PlanStatus.CANCELLED.canBecome(next), "CANCELLED -> " + next);
            assertFalse(next.canBecome(PlanStatus.AWAITING_AUTHORIZATION), next + " -> AWAITING_AUTHORIZATION");
        }
        assertTrue(PlanStatus.AUTHORIZATION_EXPIRED.canBecome(PlanStatus.READY_TO_SCHEDULE));
        assertTrue(PlanStatus.SCHEDULED.canBecome(PlanStatus.AUTHORIZATION_EXHAUSTED));

        TreatmentPlan plan = approved();
        assertTrue(plan.cancel(NOW, NOW));
        assertFalse(plan.cancel(NOW, NOW));
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class, () -> plan.booked(NOW));
        assertEquals("CANCELLED", refused.currentStatus());
        plan.appointmentClosed(NOW);
        assertEquals(PlanStatus.CANCELLED, plan.status());
    }

    @Test
    void shouldKeepThePatientFromTheReferralOverTheOneInTheApproval() {
        TreatmentPlan plan = TreatmentPlan.start(UUID.randomUUID(), "CHRONIC_MIGRAINE", NOW);
        PatientIdentity referred = new PatientIdentity("Alex", "Rivera", LocalDate.of(1984, 5, 17), "female");
        plan.referralAccepted(referred, null, "CHRONIC_MIGRAINE", NOW, null, NOW);
        plan.authorizationApproved(AUTH, "CHRONIC_MIGRAINE",
                new PatientIdentity("A.", "Rivera", LocalDate.of(1984, 5, 17), "female"), false, NOW);
        assertEquals(referred, plan.patient());

        TreatmentPlan approvedFirst = TreatmentPlan.start(UUID.randomUUID(), null, NOW);
        approvedFirst.authorizationApproved(AUTH, "CHRONIC_MIGRAINE", referred, true, NOW);
        assertEquals(referred, approvedFirst.patient());
        assertEquals(PlanStatus.SCHEDULED, approvedFirst.status());
        assertEquals("CHRONIC_MIGRAINE", approvedFirst.indication());
    }
}
