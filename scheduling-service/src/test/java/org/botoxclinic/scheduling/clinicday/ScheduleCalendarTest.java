package org.botoxclinic.scheduling.clinicday;

import static org.botoxclinic.scheduling.clinicday.TimedBookingTest.book;
import static org.botoxclinic.scheduling.clinicday.TimedBookingTest.day;
import static org.botoxclinic.scheduling.support.Fixtures.clinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.botoxclinic.scheduling.clinicday.domain.ScheduleCalendar;
import org.botoxclinic.scheduling.clinicday.domain.ScheduleEntry;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.Test;

/** The day's schedule as an iCalendar file that a maintained library (ical4j) parses back to the same events. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ScheduleCalendarTest {

    @Inject
    EntityManager em;

    private static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static ZonedDateTime start(VEvent event) {
        DtStart<Temporal> start = event.<Temporal>getStartDate().orElseThrow();
        return (ZonedDateTime) start.getDate();
    }

    private static ZonedDateTime end(VEvent event) {
        return (ZonedDateTime) event.<Temporal>getEndDate().orElseThrow().getDate();
    }

    private static String property(Component component, String name) {
        return component.<Property>getProperty(name).orElseThrow().getValue();
    }

    @Test
    void shouldWriteTheDayAsACalendarThatParsesBackToItsAppointmentsInTheClinicsZone() throws Exception {
        LocalDate date = day(7);
        clinicDay(date, 720);
        UUID first = UUID.fromString(book(readyPlan(em), date, ",\"startTime\":\"14:30\"").statusCode(201)
                .extract().path("id"));
        UUID second = UUID.fromString(book(readyPlan(em), date, "").statusCode(201).extract().path("id"));
        UUID cancelled = UUID.fromString(book(readyPlan(em), date, "").statusCode(201).extract().path("id"));
        scheduler().body("{\"reason\":\"travelling\",\"by\":\"PATIENT\"}").post("/api/appointments/" + cancelled + "/cancel")
                .then().statusCode(200);

        String ics = scheduler().accept("text/calendar").get("/api/clinic-days/{date}/schedule.ics", date.toString())
                .then().statusCode(200).contentType("text/calendar").extract().asString();

        assertTrue(ics.startsWith("BEGIN:VCALENDAR\r\n"), ics);
        assertTrue(ics.lines().allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75), ics);
        Calendar calendar = parse(ics);
        assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size(), ics);
        VTimeZone zone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).get(0);
        assertEquals("America/New_York", property(zone, Property.TZID));

        VEvent morning = events.get(0);
        assertEquals(second + "@scheduling.botoxclinic", property(morning, Property.UID));
        assertEquals("America/New_York", morning.getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue());
        ZoneId clinic = TestClock.ZONE;
        assertEquals(date.atTime(9, 0).atZone(clinic).toInstant(), start(morning).toInstant());
        assertEquals(LocalTime.of(9, 0), start(morning).withZoneSameInstant(clinic).toLocalTime());
        assertEquals(date.atTime(9, 30).atZone(clinic).toInstant(), end(morning).toInstant());
        assertEquals("chair-1,injector-1", property(morning, Property.RESOURCES));
        assertEquals("Neurology clinic, Botox clinic day, chair-1", property(morning, Property.LOCATION));

        VEvent afternoon = events.get(1);
        assertEquals(first + "@scheduling.botoxclinic", property(afternoon, Property.UID));
        assertEquals(date.atTime(14, 30).atZone(clinic).toInstant(), start(afternoon).toInstant());
        assertEquals(date.atTime(15, 0).atZone(clinic).toInstant(), end(afternoon).toInstant());
        assertFalse(ics.contains(cancelled.toString()), "a cancelled appointment is no event");
        assertFalse(ics.contains("Alex"), "no patient names");

        scheduler().accept("text/calendar").get("/api/clinic-days/{date}/schedule.ics", date.plusDays(100).toString())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldFoldLongLinesEscapeTextAndKeepTheOffsetOfEachSeason() throws Exception {
        LocalDate winter = LocalDate.of(2031, 1, 15);
        LocalDate summer = LocalDate.of(2031, 7, 16);
        String place = "Clinique de neurologie; salle d'injection, bâtiment B — " + "é".repeat(40);
        for (LocalDate date : List.of(winter, summer)) {
            ScheduleEntry entry = new ScheduleEntry(UUID.randomUUID(), UUID.randomUUID(), LocalTime.of(9, 0),
                    LocalTime.of(9, 45), 45, "chair-1", "injector-1", "BOOKED");
            String ics = ScheduleCalendar.write(date, List.of(entry), TestClock.ZONE, place, TestClock.CLOCK.instant());
            assertTrue(ics.lines().allMatch(line -> line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 75));
            Calendar calendar = parse(ics);
            assertFalse(calendar.validate().hasErrors(), () -> calendar.validate().toString());
            VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
            assertEquals(place + ", chair-1", property(event, Property.LOCATION));
            assertEquals(date.atTime(9, 0).atZone(TestClock.ZONE).toInstant(), start(event).toInstant());
            assertEquals(date.atTime(9, 45).atZone(TestClock.ZONE).toInstant(), end(event).toInstant());
        }
        ScheduleEntry utc = new ScheduleEntry(UUID.randomUUID(), UUID.randomUUID(), LocalTime.of(9, 0),
                LocalTime.of(9, 15), 15, "c", "p", "BOOKED");
        Calendar fixed = parse(ScheduleCalendar.write(winter, List.of(utc), ZoneId.of("UTC"), "x", TestClock.CLOCK.instant()));
        assertEquals(winter.atTime(9, 0).atZone(ZoneId.of("UTC")).toInstant(),
                start(fixed.<VEvent>getComponents(Component.VEVENT).get(0)).toInstant());
    }
}
