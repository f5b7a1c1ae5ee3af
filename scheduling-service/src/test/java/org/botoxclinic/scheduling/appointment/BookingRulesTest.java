package org.botoxclinic.scheduling.appointment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.botoxclinic.scheduling.appointment.domain.BookingRefusal;
import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.BookingRules;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.junit.jupiter.api.Test;

class BookingRulesTest {

    private static final LocalDate FROM = LocalDate.of(2026, 12, 1);
    private static final LocalDate TO = LocalDate.of(2027, 5, 31);
    private static final LocalDate DAY = LocalDate.of(2027, 1, 20);
    private static final Authorization AUTH = new Authorization(UUID.randomUUID(), "A-1", FROM, TO, 2, 310);

    /** A booking that passes every rule; each test breaks one thing. */
    private static BookingRequest ok(LocalDate date) {
        return new BookingRequest(date, true, AUTH, 0, null, true, 720, 0, 30, false);
    }

    private static String refusal(BookingRequest r) {
        return BookingRules.check(r).map(BookingRefusal::code).orElse("OK");
    }

    @Test
    void shouldBookWhenEveryRulePasses() {
        assertEquals(Optional.empty(), BookingRules.check(ok(DAY)));
    }

    @Test
    void shouldRefuseWithoutAnActiveAuthorization() {
        assertEquals("NOT_AUTHORIZED", refusal(new BookingRequest(DAY, true, null, 0, null, true, 720, 0, 30, false)));
        assertEquals("NOT_AUTHORIZED", refusal(new BookingRequest(DAY, false, AUTH, 0, null, true, 720, 0, 30, false)));
    }

    @Test
    void shouldIncludeBothEdgesOfTheWindow() {
        assertEquals("OUTSIDE_AUTHORIZATION_WINDOW", refusal(ok(FROM.minusDays(1))));
        assertEquals("OK", refusal(ok(FROM)));
        assertEquals("OK", refusal(ok(TO)));
        assertEquals("OUTSIDE_AUTHORIZATION_WINDOW", refusal(ok(TO.plusDays(1))));
    }

    @Test
    void shouldRefuseWhenNoVisitsAreLeft() {
        assertEquals("OK", refusal(new BookingRequest(DAY, true, AUTH, 1, null, true, 720, 0, 30, false)));
        assertEquals("NO_VISITS_LEFT", refusal(new BookingRequest(DAY, true, AUTH, 2, null, true, 720, 0, 30, false)));
    }

    @Test
    void shouldRefuse83DaysAfterTheLastTreatmentAndAllow84WithTheEarliestDate() {
        LocalDate last = DAY.minusDays(83);
        Optional<BookingRefusal> tooSoon = BookingRules.check(new BookingRequest(DAY, true, AUTH, 0, last, true, 720, 0, 30, false));
        assertEquals("TOO_SOON", tooSoon.orElseThrow().code());
        assertEquals(DAY.plusDays(1).toString(), tooSoon.orElseThrow().properties().get("earliestDate"));
        assertEquals("OK", refusal(new BookingRequest(DAY, true, AUTH, 0, DAY.minusDays(84), true, 720, 0, 30, false)));
    }

    @Test
    void shouldRefuseADateThatIsNotAnOpenClinicDay() {
        assertEquals("NOT_A_CLINIC_DAY", refusal(new BookingRequest(DAY, true, AUTH, 0, null, null, 0, 0, 30, false)));
        assertEquals("NOT_A_CLINIC_DAY", refusal(new BookingRequest(DAY, true, AUTH, 0, null, false, 720, 0, 30, false)));
    }

    @Test
    void shouldFillADayExactlyToCapacityAndThenRefuse() {
        assertEquals("OK", refusal(new BookingRequest(DAY, true, AUTH, 0, null, true, 90, 60, 30, false)));
        assertEquals("CLINIC_DAY_FULL", refusal(new BookingRequest(DAY, true, AUTH, 0, null, true, 90, 61, 30, false)));
        assertEquals("CLINIC_DAY_FULL", refusal(new BookingRequest(DAY, true, AUTH, 0, null, true, 90, 90, 15, false)));
    }

    @Test
    void shouldRefuseASecondOpenAppointment() {
        assertEquals("ALREADY_BOOKED", refusal(new BookingRequest(DAY, true, AUTH, 0, null, true, 720, 0, 30, true)));
    }

    @Test
    void shouldReportTheFirstFailingRuleInTheTablesOrder() {
        // Everything wrong at once: each fix reveals the next rule in the agreed order.
        LocalDate outside = TO.plusDays(1);
        assertEquals("NOT_AUTHORIZED", refusal(new BookingRequest(outside, false, AUTH, 2, outside.minusDays(1), null, 0, 0, 30, true)));
        assertEquals("OUTSIDE_AUTHORIZATION_WINDOW", refusal(new BookingRequest(outside, true, AUTH, 2, outside.minusDays(1), null, 0, 0, 30, true)));
        assertEquals("NO_VISITS_LEFT", refusal(new BookingRequest(DAY, true, AUTH, 2, DAY.minusDays(1), null, 0, 0, 30, true)));
        assertEquals("TOO_SOON", refusal(new BookingRequest(DAY, true, AUTH, 1, DAY.minusDays(1), null, 0, 0, 30, true)));
        assertEquals("NOT_A_CLINIC_DAY", refusal(new BookingRequest(DAY, true, AUTH, 1, null, null, 0, 0, 30, true)));
        assertEquals("CLINIC_DAY_FULL", refusal(new BookingRequest(DAY, true, AUTH, 1, null, true, 30, 30, 30, true)));
        assertEquals("ALREADY_BOOKED", refusal(new BookingRequest(DAY, true, AUTH, 1, null, true, 60, 30, 30, true)));
        assertTrue(BookingRules.check(new BookingRequest(DAY, true, AUTH, 1, null, true, 60, 30, 30, false)).isEmpty());
    }
}
