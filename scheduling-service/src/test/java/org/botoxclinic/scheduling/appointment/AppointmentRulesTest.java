package org.botoxclinic.scheduling.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.CancelledBy;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;
import org.botoxclinic.scheduling.appointment.domain.NoShowRule;
import org.botoxclinic.scheduling.appointment.domain.Treatment;
import org.botoxclinic.scheduling.clinicday.domain.AppointmentDurations;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.clinicday.domain.Slot;
import org.junit.jupiter.api.Test;

class AppointmentRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 16);

    private static final DoseLimit NO_DOSES_YET = new DoseLimit(400, List.of());
    private static final Authorization AUTH = new Authorization(UUID.randomUUID(), "A-1", DAY.minusDays(15),
            DAY.plusMonths(5), 2, 310);

    private static Appointment booked() {
        return Appointment.book(UUID.randomUUID(), slot(DAY), 30, UUID.randomUUID(), NOW);
    }

    private static Slot slot(LocalDate date) {
        return new Slot(date, LocalTime.of(9, 0), LocalTime.of(9, 30), "chair-1", "injector-1");
    }

    private static Treatment units(int administered, int wasted) {
        return new Treatment(administered, wasted, null, null);
    }

    /** A move to a date that passes every booking rule. */
    private static BookingRequest to(LocalDate date) {
        return new BookingRequest(date, true, AUTH, 0, null, true, 720, 0, 30, false);
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
        a.checkIn(DAY, NOW);
        assertEquals(AppointmentStatus.CHECKED_IN, a.status());
        a.complete(new Treatment(155, 45, 31, null), DAY, NO_DOSES_YET, NOW);
        assertEquals(AppointmentStatus.FULFILLED, a.status());

        Appointment direct = booked();
        direct.complete(units(155, 0), DAY, NO_DOSES_YET, NOW);
        assertEquals(AppointmentStatus.FULFILLED, direct.status());

        Appointment missed = booked();
        missed.noShow(DAY.plusDays(1), NOW);
        assertEquals(AppointmentStatus.NOSHOW, missed.status());

        Appointment moved = booked();
        moved.requireMayMoveTo(to(DAY.plusDays(28)));
        moved.moveTo(new Slot(DAY.plusDays(28), LocalTime.of(10, 0), LocalTime.of(10, 30), "chair-2", "injector-2"), NOW);
        assertEquals(DAY.plusDays(28), moved.date());
        assertEquals(LocalTime.of(10, 0), moved.startTime());
        assertEquals(LocalTime.of(10, 30), moved.endTime());
        assertEquals("chair-2", moved.chair());
        assertEquals("injector-2", moved.providerId());
        assertEquals(AppointmentStatus.BOOKED, moved.status());
        moved.cancel("travelling", CancelledBy.PATIENT, NOW);
        assertEquals(AppointmentStatus.CANCELLED, moved.status());
    }

    @Test
    void shouldRefuseIllegalTransitionsNamingTheCurrentStatus() {
        Appointment done = booked();
        done.complete(units(155, 0), DAY, NO_DOSES_YET, NOW);
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
                () -> done.cancel("late", CancelledBy.CLINIC, NOW));
        assertEquals("FULFILLED", e.currentStatus());
        assertThrows(IllegalTransitionException.class, () -> done.noShow(DAY, NOW));
        assertThrows(IllegalTransitionException.class, () -> done.requireMayMoveTo(to(DAY.plusDays(1))));
        assertThrows(IllegalTransitionException.class, () -> done.moveTo(slot(DAY.plusDays(1)), NOW));

        Appointment arrived = booked();
        arrived.checkIn(DAY, NOW);
        assertEquals("CHECKED_IN", assertThrows(IllegalTransitionException.class, () -> arrived.noShow(DAY, NOW)).currentStatus());
        assertThrows(IllegalTransitionException.class, () -> arrived.checkIn(DAY, NOW));
        assertThrows(IllegalTransitionException.class, () -> arrived.requireMayMoveTo(to(DAY.plusDays(1))));

        Appointment cancelled = booked();
        cancelled.cancel("ill", CancelledBy.PATIENT, NOW);
        assertThrows(IllegalTransitionException.class, () -> cancelled.checkIn(DAY, NOW));
        assertThrows(IllegalTransitionException.class, () -> cancelled.complete(units(1, 0), DAY, NO_DOSES_YET, NOW));
        assertEquals(AppointmentStatus.CANCELLED, cancelled.status());
        assertEquals(null, cancelled.unitsAdministered());

        for (AppointmentStatus terminal : List.of(AppointmentStatus.FULFILLED, AppointmentStatus.CANCELLED, AppointmentStatus.NOSHOW)) {
            for (AppointmentStatus next : AppointmentStatus.values()) {
                assertFalse(terminal.canBecome(next), terminal + " -> " + next);
            }
        }
    }

    @Test
    void shouldRefuseBeforeTheDayAndBeyondTheDoseLeavingTheAppointmentAsItWas() {
        Appointment early = booked();
        RuleRefusedException before = assertThrows(RuleRefusedException.class, () -> early.checkIn(DAY.minusDays(1), NOW));
        assertEquals(Appointment.BEFORE_APPOINTMENT_DATE, before.code());
        assertThrows(RuleRefusedException.class, () -> early.noShow(DAY.minusDays(1), NOW));
        assertEquals(AppointmentStatus.BOOKED, early.status());

        DoseLimit given = new DoseLimit(400, List.of(new DoseLimit.GivenDose(DAY.minusDays(30), 300)));
        RuleRefusedException tooMuch = assertThrows(RuleRefusedException.class,
                () -> early.complete(units(101, 0), DAY, given, NOW));
        assertEquals(DoseLimit.DOSE_LIMIT_EXCEEDED, tooMuch.code());
        assertEquals(100, tooMuch.properties().get("unitsAllowed"));
        assertEquals(AppointmentStatus.BOOKED, early.status());
        assertEquals(null, early.unitsAdministered());

        RuleRefusedException full = assertThrows(RuleRefusedException.class, () -> early.requireMayMoveTo(
                new BookingRequest(DAY.plusDays(28), true, AUTH, 0, null, true, 30, 30, 30, false)));
        assertEquals("CLINIC_DAY_FULL", full.code());
        assertEquals(DAY, early.date());
    }
}
