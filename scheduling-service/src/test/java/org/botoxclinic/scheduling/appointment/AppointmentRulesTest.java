package org.botoxclinic.scheduling.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentDurations;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.domain.CancelledBy;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;
import org.botoxclinic.scheduling.appointment.domain.NoShowRule;
import org.junit.jupiter.api.Test;

class AppointmentRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 16);

    private static Appointment booked() {
        return Appointment.book(UUID.randomUUID(), DAY, 30, UUID.randomUUID(), NOW);
    }

    @Test
    void shouldAllow400UnitsWithin84DaysAndRefuse401() {
        List<DoseLimit.GivenDose> history = List.of(new DoseLimit.GivenDose(DAY.minusDays(30), 200));
        assertTrue(DoseLimit.allows(400, history, DAY, 200));
        assertFalse(DoseLimit.allows(400, history, DAY, 201));
        assertEquals(200, DoseLimit.unitsAllowed(400, history, DAY));
    }

    @Test
    void shouldCountADoseGiven83DaysAgoButNotOneGiven84DaysAgo() {
        assertEquals(245, DoseLimit.unitsAllowed(400, List.of(new DoseLimit.GivenDose(DAY.minusDays(83), 155)), DAY));
        assertEquals(400, DoseLimit.unitsAllowed(400, List.of(new DoseLimit.GivenDose(DAY.minusDays(84), 155)), DAY));
        assertEquals(0, DoseLimit.unitsAllowed(400, List.of(new DoseLimit.GivenDose(DAY, 450)), DAY));
    }

    @Test
    void shouldMarkANoShowOnlyOnceTheDayAndTheGracePeriodAreOver() {
        ZoneId zone = ZoneId.of("America/New_York");
        Duration grace = Duration.ofHours(24);
        Instant missedFrom = NoShowRule.missedFrom(DAY, zone, grace);
        assertEquals(Instant.parse("2026-12-18T05:00:00Z"), missedFrom);
        assertFalse(NoShowRule.isMissed(DAY, missedFrom.minusSeconds(1), zone, grace));
        assertTrue(NoShowRule.isMissed(DAY, missedFrom, zone, grace));
        assertEquals(DAY.minusDays(1), NoShowRule.lastMissedDate(missedFrom.minusSeconds(1), zone, grace));
        assertEquals(DAY, NoShowRule.lastMissedDate(missedFrom, zone, grace));
    }

    @Test
    void shouldTakeTheDurationFromTheIndication() {
        AppointmentDurations durations = new AppointmentDurations(Map.of("CHRONIC_MIGRAINE", 30, "BLEPHAROSPASM", 15), 25);
        assertEquals(30, durations.of("CHRONIC_MIGRAINE"));
        assertEquals(15, durations.of("BLEPHAROSPASM"));
        assertEquals(25, durations.of("SPASTICITY"));
        assertEquals(25, durations.of(null));
    }

    @Test
    void shouldFollowTheFhirAppointmentLifecycle() {
        Appointment a = booked();
        a.checkIn(NOW);
        assertEquals(AppointmentStatus.CHECKED_IN, a.status());
        a.complete(155, 45, 31, null, NOW);
        assertEquals(AppointmentStatus.FULFILLED, a.status());

        Appointment direct = booked();
        direct.complete(155, 0, null, null, NOW);
        assertEquals(AppointmentStatus.FULFILLED, direct.status());

        Appointment missed = booked();
        missed.noShow(NOW);
        assertEquals(AppointmentStatus.NOSHOW, missed.status());

        Appointment moved = booked();
        assertEquals(DAY, moved.reschedule(DAY.plusDays(28), NOW));
        moved.cancel("travelling", CancelledBy.PATIENT, NOW);
        assertEquals(AppointmentStatus.CANCELLED, moved.status());
    }

    @Test
    void shouldRefuseIllegalTransitionsNamingTheCurrentStatus() {
        Appointment done = booked();
        done.complete(155, 0, null, null, NOW);
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> done.cancel("late", CancelledBy.CLINIC, NOW));
        assertEquals("FULFILLED", e.currentStatus());
        assertThrows(IllegalTransitionException.class, () -> done.noShow(NOW));
        assertThrows(IllegalTransitionException.class, () -> done.reschedule(DAY.plusDays(1), NOW));

        Appointment arrived = booked();
        arrived.checkIn(NOW);
        assertEquals("CHECKED_IN", assertThrows(IllegalTransitionException.class, () -> arrived.noShow(NOW)).currentStatus());
        assertThrows(IllegalTransitionException.class, () -> arrived.checkIn(NOW));
        assertThrows(IllegalTransitionException.class, () -> arrived.reschedule(DAY.plusDays(1), NOW));

        Appointment cancelled = booked();
        cancelled.cancel("ill", CancelledBy.PATIENT, NOW);
        assertThrows(IllegalTransitionException.class, () -> cancelled.checkIn(NOW));
        assertThrows(IllegalTransitionException.class, () -> cancelled.complete(1, 0, null, null, NOW));
        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals(null, cancelled.unitsAdministered());

        for (AppointmentStatus terminal : List.of(AppointmentStatus.FULFILLED, AppointmentStatus.CANCELLED, AppointmentStatus.NOSHOW)) {
            for (AppointmentStatus next : AppointmentStatus.values()) {
                assertFalse(terminal.canBecome(next), terminal + " -> " + next);
            }
        }
    }
}
