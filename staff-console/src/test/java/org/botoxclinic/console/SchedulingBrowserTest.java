package org.botoxclinic.console;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * In headless Chromium against the real services: referrals are accepted and approved through the services' APIs
 * until scheduling-service lists them as ready; then a scheduler works the clinic day in the console. The ready
 * worklist leads to booking; a taken time is refused with the nearest free times, one of which books; the day's
 * schedule and the month calendar show the booking; a clinic day is added (and adding it twice refused); the
 * appointment is moved, checked in and completed; another is cancelled, another marked a no-show; a check-in from a
 * stale page is refused (409) in words. Every page state passes axe-core; the calendar and schedule fit a tablet.
 *
 * The services run on the real clock and refuse check-in, completion and no-show before the appointment's day, so
 * those appointments are on today's clinic day (added if the calendar has none); bookings otherwise use clinic days
 * 40 to 80 days ahead, this class's own.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = true)
class SchedulingBrowserTest extends ChromiumTest {

    private static final ZoneId CLINIC = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL console;

    @Test
    void aSchedulerBooksMovesTreatsCancelsAndMarksNoShowsOnTheClinicDay() throws Exception {
        String run = Arrange.runName();
        LocalDate today = LocalDate.now(CLINIC);
        LocalDate bookingDay = today.plusDays(45);
        LocalDate addedDay = notWednesday(today.plusDays(58));
        Arrange.clinicDay(today, 720);
        Arrange.clinicDay(bookingDay, 720);

        String harbor = "Harbor" + run;
        String lindqvist = "Lindqvist" + run;
        String okafor = "Okafor" + run;
        String nakamura = "Nakamura" + run;
        String harborReferral = readyToSchedule(harbor);
        String lindqvistReferral = readyToSchedule(lindqvist);
        String okaforReferral = readyToSchedule(okafor);
        String nakamuraReferral = readyToSchedule(nakamura);
        // Lindqvist takes chair-1 at 09:00 on the booking day; Okafor is due today; Nakamura waits on the booking day.
        String lindqvistAppointment = book(lindqvistReferral, bookingDay, "\"startTime\":\"09:00\",\"chair\":\"chair-1\",");
        String okaforAppointment = book(okaforReferral, today, "");
        String nakamuraAppointment = book(nakamuraReferral, bookingDay, "");
        Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
        String base = console.toString().replaceAll("/$", "");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = context.newPage();
            ConsoleBrowser.signIn(page, base, "scheduler");

            // A scheduler lands on the clinic-day calendar.
            assertThat(page).hasURL(Pattern.compile(".*/scheduling$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Clinic days: ")))).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "clinic-day calendar");

            // The ready-to-schedule worklist shows the patient; its row leads to booking.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ready to schedule")).click();
            Locator harborRow = page.locator("table.queue tbody tr").filter(new Locator.FilterOptions().setHasText(harbor));
            assertThat(harborRow).hasCount(1);
            assertThat(harborRow).containsText("Chronic migraine");
            ConsoleBrowser.assertNoSeriousViolations(page, "ready-to-schedule worklist");
            harborRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(Pattern.compile("^Book "))).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Book " + harbor + ", Alex"))).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "booking form");

            // A taken time is refused in words, with the nearest free times as buttons; one of them books.
            page.getByLabel("Clinic day").selectOption(bookingDay.toString());
            page.getByLabel("Start time (optional)").fill("09:00");
            page.getByLabel("Chair (optional)").fill("chair-1");
            Response refused = page.waitForResponse(r -> r.url().endsWith("/scheduling/appointments")
                    && "POST".equals(r.request().method()),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book appointment")).click());
            assertEquals(409, refused.status());
            Locator alert = page.locator("#book-alert");
            assertThat(alert).containsText("This time is taken. Nearest free times: 09:30");
            assertThat(page.getByLabel("Chair (optional)")).hasValue("chair-1");
            ConsoleBrowser.assertNoSeriousViolations(page, "booking refused");
            ConsoleBrowser.screenshot(page, "booking-refused-1280x800");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book at 09:30")).click();
            assertThat(page.locator("p.notice")).hasText("Appointment booked.");
            JsonNode harborAppointment = onlyAppointment(harborReferral);
            assertEquals("BOOKED", harborAppointment.path("status").asText());
            assertEquals(bookingDay.toString(), harborAppointment.path("date").asText());
            assertEquals("09:30", harborAppointment.path("startTime").asText().substring(0, 5));
            assertEquals("chair-1", harborAppointment.path("chair").asText());
            assertThat(page.locator("#appointment-status")).hasText("Booked");
            ConsoleBrowser.assertNoSeriousViolations(page, "appointment booked");

            // Checking in before the appointment's day is refused next to the button, in words.
            Response early = page.waitForResponse(r -> r.url().endsWith("/check-in"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in patient")).click());
            assertEquals(422, early.status());
            assertThat(page.locator("#check-in-alert")).containsText("Not yet: this can only be done on the appointment's day");
            ConsoleBrowser.assertNoSeriousViolations(page, "check-in refused before the day");

            // The day's schedule, in time order by chair and injector.
            page.navigate(base + "/scheduling/days/" + bookingDay);
            Locator schedule = page.locator("table.schedule tbody tr");
            Locator lindqvistRow = schedule.filter(new Locator.FilterOptions().setHasText(lindqvist));
            Locator harborScheduled = schedule.filter(new Locator.FilterOptions().setHasText(harbor));
            assertThat(lindqvistRow).containsText("09:00–09:30");
            assertThat(lindqvistRow).containsText("chair-1");
            assertThat(harborScheduled).containsText("09:30–10:00");
            assertThat(harborScheduled).containsText("Booked");
            assertThat(schedule.filter(new Locator.FilterOptions().setHasText(nakamura))).hasCount(1);
            assertThat(page.locator(".panel").first()).containsText("Appointments");
            ConsoleBrowser.assertNoSeriousViolations(page, "clinic-day schedule");
            ConsoleBrowser.screenshot(page, "clinic-day-schedule-1280x800");

            // The month calendar shows the day with its bookings and free time.
            page.navigate(base + "/scheduling?month=" + YearMonth.from(bookingDay));
            Locator dayLink = page.locator("a.day-link[href='/scheduling/days/" + bookingDay + "']");
            assertThat(dayLink).isVisible();
            assertThat(page.locator("td.clinic-day").filter(new Locator.FilterOptions().setHas(dayLink)))
                    .containsText(Pattern.compile("\\d+ booked · .* free"));
            ConsoleBrowser.assertNoSeriousViolations(page, "calendar with bookings");
            ConsoleBrowser.screenshot(page, "clinic-day-calendar-1280x800");

            // A clinic day is added from the calendar; adding it again is refused next to the form.
            page.getByLabel("Date").fill(addedDay.toString());
            page.getByLabel("Capacity (chair minutes)").fill("360");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add clinic day")).click();
            assertThat(page.locator("p.notice")).hasText("Clinic day added.");
            assertThat(page.locator("a.day-link[href='/scheduling/days/" + addedDay + "']")).isVisible();
            assertEquals(360, api("GET", "/api/clinic-days/" + addedDay, null).path("capacityMinutes").asInt());
            ConsoleBrowser.assertNoSeriousViolations(page, "clinic day added");
            page.getByLabel("Date").fill(addedDay.toString());
            Response twice = page.waitForResponse(r -> r.url().endsWith("/scheduling/clinic-days"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add clinic day")).click());
            assertEquals(409, twice.status());
            assertThat(page.locator("#add-day-alert")).hasText("That date is already an open clinic day.");
            ConsoleBrowser.assertNoSeriousViolations(page, "clinic day refused");

            // Harbor is moved to today's clinic day, checked in and treated.
            String harborId = harborAppointment.path("id").asText();
            page.navigate(base + "/scheduling/appointments/" + harborId);
            page.locator("#r-date").selectOption(today.toString());
            page.locator("#r-time").fill("");
            page.locator("#r-chair").fill("");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Move appointment")).click();
            assertThat(page.locator("p.notice")).hasText("Appointment moved.");
            assertEquals(today.toString(), api("GET", "/api/appointments/" + harborId, null).path("date").asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "appointment moved");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in patient")).click();
            assertThat(page.locator("p.notice")).hasText("Patient checked in.");
            assertThat(page.locator("#appointment-status")).hasText("Checked in");
            ConsoleBrowser.assertNoSeriousViolations(page, "patient checked in");
            page.getByLabel("Units given").fill("155");
            page.getByLabel("Units wasted").fill("5");
            page.getByLabel("Injection sites (optional)").fill("31");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record treatment")).click();
            assertThat(page.locator("p.notice")).hasText("Treatment recorded.");
            assertThat(page.locator("#appointment-status")).hasText("Fulfilled");
            JsonNode treated = api("GET", "/api/appointments/" + harborId, null);
            assertEquals("FULFILLED", treated.path("status").asText());
            assertEquals(155, treated.path("unitsAdministered").asInt());
            assertEquals(5, treated.path("unitsWasted").asInt());
            ConsoleBrowser.assertNoSeriousViolations(page, "treatment recorded");

            // Lindqvist cancels.
            page.navigate(base + "/scheduling/appointments/" + lindqvistAppointment);
            page.getByLabel("Reason").fill("Travelling that week");
            page.getByLabel("The patient").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel appointment")).click();
            assertThat(page.locator("p.notice")).hasText("Appointment cancelled.");
            JsonNode cancelled = api("GET", "/api/appointments/" + lindqvistAppointment, null);
            assertEquals("CANCELLED", cancelled.path("status").asText());
            assertEquals("PATIENT", cancelled.path("cancelledBy").asText());
            assertEquals("Travelling that week", cancelled.path("cancelReason").asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "appointment cancelled");

            // Okafor did not come today.
            page.navigate(base + "/scheduling/appointments/" + okaforAppointment);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Mark as no-show")).click();
            assertThat(page.locator("p.notice")).hasText("Marked as a no-show.");
            assertEquals("NOSHOW", api("GET", "/api/appointments/" + okaforAppointment, null).path("status").asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "no-show");

            // A stale page: Nakamura's appointment was cancelled elsewhere after the page was shown.
            page.navigate(base + "/scheduling/appointments/" + nakamuraAppointment);
            assertThat(page.locator("#appointment-status")).hasText("Booked");
            assertEquals(200, RealServices.send("scheduling-service", "POST", "/api/appointments/" + nakamuraAppointment
                    + "/cancel", DevTokens.forGroup("scheduler"), "{\"reason\":\"Clinic closed\",\"by\":\"CLINIC\"}").statusCode());
            Response stale = page.waitForResponse(r -> r.url().endsWith("/check-in"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in patient")).click());
            assertEquals(409, stale.status());
            assertThat(page.locator("#check-in-alert")).hasText(
                    "This appointment is already cancelled, so this can no longer be done. Reload the page to see where it stands.");
            assertThat(page.locator("#appointment-status")).hasText("Cancelled");
            ConsoleBrowser.assertNoSeriousViolations(page, "stale check-in refused");

            // The other worklists open too.
            for (String kind : new String[] {"due", "unconfirmed", "no-shows"}) {
                page.navigate(base + "/scheduling/worklists?kind=" + kind);
                assertThat(page.locator("h1")).isVisible();
                ConsoleBrowser.assertNoSeriousViolations(page, kind + " worklist");
            }
            page.navigate(base + "/scheduling/worklists?kind=no-shows");
            assertThat(page.locator("table.queue tbody tr").filter(new Locator.FilterOptions().setHasText(okafor))).hasCount(1);
        }

        // A tablet (portrait): the calendar and the day's schedule fit the width without scrolling sideways.
        try (BrowserContext tablet = browser.newContext(new Browser.NewContextOptions().setViewportSize(820, 1180)
                .setHasTouch(true))) {
            Page page = tablet.newPage();
            ConsoleBrowser.signIn(page, base, "scheduler");
            page.navigate(base + "/scheduling?month=" + YearMonth.from(bookingDay));
            assertThat(page.locator("a.day-link[href='/scheduling/days/" + bookingDay + "']")).isVisible();
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "the calendar fits a tablet's width");
            ConsoleBrowser.assertNoSeriousViolations(page, "calendar on a tablet");
            page.navigate(base + "/scheduling/days/" + bookingDay);
            assertThat(page.locator("table.schedule tbody tr").filter(new Locator.FilterOptions().setHasText(nakamura)))
                    .hasCount(0);
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "the schedule fits a tablet's width");
            ConsoleBrowser.assertNoSeriousViolations(page, "schedule on a tablet");
            ConsoleBrowser.screenshot(page, "clinic-day-schedule-tablet-820x1180");
        }
    }

    /** A date that is not a Wednesday (the clinic's rule opens the third Wednesday of each month itself). */
    private static LocalDate notWednesday(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.WEDNESDAY ? date.plusDays(1) : date;
    }

    /** The partner's referral for this patient, accepted and approved: ready to schedule; its id. */
    private static String readyToSchedule(String lastName) throws Exception {
        return Arrange.readyToSchedule(submission(lastName));
    }

    /** Books through the API ({@code extra}: more JSON fields, each followed by a comma); the appointment's id. */
    private static String book(String referralId, LocalDate date, String extra) throws Exception {
        HttpResponse<String> response = RealServices.send("scheduling-service", "POST", "/api/appointments",
                DevTokens.forGroup("scheduler"), "{" + extra + "\"referralId\":\"" + referralId + "\",\"date\":\"" + date + "\"}");
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("id").asText();
    }

    private static JsonNode onlyAppointment(String referralId) throws Exception {
        JsonNode items = api("GET", "/api/appointments?referralId=" + referralId, null).path("items");
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }

    private static JsonNode api(String method, String path, String json) throws Exception {
        HttpResponse<String> response = RealServices.send("scheduling-service", method, path, DevTokens.forGroup("scheduler"), json);
        return JSON.readTree(response.body());
    }

    /** A chronic-migraine referral from the partner that meets the criteria. */
    private static String submission(String lastName) {
        return """
                {
                  "externalReferralId": "SCHED-%s",
                  "patient": {"firstName": "Alex", "lastName": "%s", "dateOfBirth": "1981-09-23", "sex": "female",
                              "phone": "555-0131"},
                  "referringProvider": {"npi": "1234567893", "name": "Dr. Sam Lee", "practice": "North Family Practice",
                                        "phone": "555-0190"},
                  "indication": "CHRONIC_MIGRAINE",
                  "diagnosisCodes": ["G43.709"],
                  "clinicalDetails": {"headacheDaysPerMonth": 20, "headacheHoursPerDay": 6, "migraineDaysPerMonth": 10,
                                      "symptomMonths": 24, "priorPreventiveClasses": ["BETA_BLOCKER", "ANTICONVULSANT"],
                                      "currentCgrpAntagonist": false},
                  "insurance": {"payerId": "AETNA", "payerName": "Aetna", "memberId": "W123456789", "groupNumber": "G-100",
                                "planType": "PPO"},
                  "urgency": "ROUTINE"
                }
                """.formatted(lastName, lastName);
    }
}
