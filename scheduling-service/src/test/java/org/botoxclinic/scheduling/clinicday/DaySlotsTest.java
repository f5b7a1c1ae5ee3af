package org.botoxclinic.scheduling.clinicday;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.botoxclinic.scheduling.clinicday.domain.BookedSlot;
import org.botoxclinic.scheduling.clinicday.domain.DayResources;
import org.botoxclinic.scheduling.clinicday.domain.DaySlots;
import org.botoxclinic.scheduling.clinicday.domain.ResourceHours;
import org.botoxclinic.scheduling.clinicday.domain.Slot;
import org.botoxclinic.scheduling.clinicday.domain.SlotWanted;
import org.junit.jupiter.api.Test;

/** Where an appointment fits on a day, on both sides of every boundary: closing time, neighbours, injector hours. */
class DaySlotsTest {

    private static final LocalDate DAY = LocalDate.of(2031, 3, 19);

    private static LocalTime t(String hhmm) {
        return LocalTime.parse(hhmm);
    }

    private static ResourceHours hours(String id, String from, String to) {
        return new ResourceHours(id, t(from), t(to));
    }

    private static BookedSlot booked(String start, int minutes, String chair, String provider) {
        return new BookedSlot(UUID.randomUUID(), t(start), minutes, chair, provider);
    }

    private static DaySlots oneChair(List<BookedSlot> booked) {
        return new DaySlots(DAY, new DayResources(List.of(hours("chair-1", "09:00", "12:00")),
                List.of(hours("injector-1", "09:00", "12:00")), true), booked, 15);
    }

    private static Optional<Slot> at(DaySlots day, String start, int minutes) {
        return day.first(minutes, new SlotWanted(t(start), null, null));
    }

    @Test
    void shouldFitAnAppointmentEndingExactlyAtClosingTimeButNotOneMinuteLater() {
        DaySlots day = oneChair(List.of());
        assertEquals(Optional.of(new Slot(DAY, t("11:30"), t("12:00"), "chair-1", "injector-1")), at(day, "11:30", 30));
        assertEquals(Optional.empty(), at(day, "11:31", 30));
        assertEquals(Optional.empty(), at(day, "08:59", 30), "one minute before opening");
        assertTrue(at(day, "09:00", 30).isPresent(), "exactly at opening");
    }

    @Test
    void shouldLetNeighboursTouchButNeverOverlapByAMinute() {
        DaySlots day = oneChair(List.of(booked("10:00", 30, "chair-1", "injector-1")));
        assertTrue(at(day, "09:30", 30).isPresent(), "ends exactly when the next starts");
        assertEquals(Optional.empty(), at(day, "09:31", 30), "one minute into the next");
        assertTrue(at(day, "10:30", 30).isPresent(), "starts exactly when the previous ends");
        assertEquals(Optional.empty(), at(day, "10:29", 30), "starts one minute before the previous ends");
        assertEquals(Optional.empty(), at(day, "10:00", 30), "the same time");
        assertEquals(Optional.empty(), at(day, "09:45", 60), "around it");
    }

    @Test
    void shouldGiveTheFirstFreeSlotPackingAppointmentsWithoutGaps() {
        DaySlots day = oneChair(List.of(booked("09:00", 20, "chair-1", "injector-1")));
        assertEquals(t("09:20"), day.first(30, SlotWanted.ANY).orElseThrow().startTime());

        DaySlots full = oneChair(List.of(booked("09:00", 90, "chair-1", "injector-1"),
                booked("10:30", 75, "chair-1", "injector-1")));
        assertEquals(t("11:45"), full.first(15, SlotWanted.ANY).orElseThrow().startTime());
        assertEquals(Optional.empty(), full.first(16, SlotWanted.ANY));
    }

    @Test
    void shouldNeedTheChairAndTheInjectorFreeTogether() {
        DayResources two = new DayResources(
                List.of(hours("room-a", "09:00", "12:00"), hours("room-b", "09:00", "12:00")),
                List.of(hours("dr-x", "09:00", "12:00")), true);
        // The only injector is busy 09:00-10:00 in room-a: room-b is free but nobody can inject there.
        DaySlots day = new DaySlots(DAY, two, List.of(booked("09:00", 60, "room-a", "dr-x")), 15);
        assertEquals(new Slot(DAY, t("10:00"), t("10:30"), "room-a", "dr-x"), day.first(30, SlotWanted.ANY).orElseThrow());
        assertEquals(new Slot(DAY, t("10:00"), t("10:30"), "room-b", "dr-x"),
                day.first(30, new SlotWanted(null, "room-b", null)).orElseThrow());

        // An injector who starts at 10:15 leaves the chairs unused until then.
        DaySlots late = new DaySlots(DAY, new DayResources(List.of(hours("room-a", "09:00", "12:00")),
                List.of(hours("dr-y", "10:15", "11:00")), true), List.of(), 15);
        assertEquals(t("10:15"), late.first(45, SlotWanted.ANY).orElseThrow().startTime());
        assertEquals(Optional.empty(), late.first(46, SlotWanted.ANY), "one minute past the injector's hours");
    }

    @Test
    void shouldOfferUpToThreeFreeTimesEachSideNearestFirst() {
        DaySlots day = oneChair(List.of(booked("10:00", 60, "chair-1", "injector-1")));
        // Free 30-minute starts on the grid and after the appointment: 09:00, 09:15, 09:30 | 11:00, 11:15, 11:30.
        // 09:30 and 11:00 are both 45 minutes from 10:15: the earlier first.
        assertEquals(List.of(t("09:30"), t("11:00"), t("09:15"), t("11:15"), t("09:00"), t("11:30")),
                day.nearest(30, SlotWanted.ANY, t("10:15"), 3));
        assertEquals(List.of(t("09:30"), t("11:00")), day.nearest(30, SlotWanted.ANY, t("10:15"), 1));
        assertEquals(List.of(t("11:30"), t("11:15"), t("11:00")), day.nearest(30, SlotWanted.ANY, t("11:45"), 3),
                "nothing after 11:30 fits before closing");
        assertEquals(List.of(), oneChair(List.of(booked("09:00", 180, "chair-1", "injector-1")))
                .nearest(15, SlotWanted.ANY, t("10:00"), 3));
    }
}
