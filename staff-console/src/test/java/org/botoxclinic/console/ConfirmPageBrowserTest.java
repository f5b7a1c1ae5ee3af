package org.botoxclinic.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.botoxclinic.testkit.SmtpSink;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page a reminder's confirmation link opens (scheduling-service's own {@code /confirm.html}), in headless
 * Chromium: a patient booked for tomorrow gets the D-1 reminder by e-mail, opens its link, and the appointment is
 * confirmed only when they press the button (opening the link confirms nothing); a link from before a reschedule is
 * refused in words; the page passes axe-core. Arranged through the services' public APIs.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = true)
class ConfirmPageBrowserTest extends ChromiumTest {

    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/confirm\\.html\\?[^\\s\"<>]+)");

    @Test
    void thePatientConfirmsWithTheButtonAndAnOldLinkIsRefusedInWords() throws Exception {
        LocalDate tomorrow = LocalDate.now(Arrange.CLINIC_ZONE).plusDays(1);
        String run = Arrange.runName();
        String email = "confirm-" + run + "@patients.example.org";
        String referralId = readyToSchedule("Achebe-" + run, email);
        String patientId = Arrange.json(Arrange.send("scheduling-service", "GET", "/api/treatment-plans/" + referralId, "scheduler", null))
                .path("patientId").asText();
        Arrange.send("scheduling-service", "PUT", "/api/patients/" + patientId + "/contact-preferences", "scheduler",
                "{\"channel\":\"EMAIL\",\"optedOut\":false}");
        Arrange.clinicDay(tomorrow, 480);
        JsonNode booked = Arrange.json(Arrange.send("scheduling-service", "POST", "/api/appointments", "scheduler",
                "{\"referralId\":\"" + referralId + "\",\"date\":\"" + tomorrow + "\"}"));
        String appointmentId = booked.path("id").asText();
        assertEquals("BOOKED", booked.path("status").asText(), booked.toString());

        // Tomorrow is inside the D-1 window: the reminder comes at once, with its link.
        String link = awaitLink(email, appointmentId);

        try (BrowserContext context = chromium.browser.newContext(
                new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844))) {
            Page page = context.newPage();
            page.navigate(link);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Confirm your appointment"))).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "appointment confirmation");
            // Opening the link confirmed nothing: it is still on the unconfirmed worklist.
            assertTrue(unconfirmedWorklist().contains(appointmentId), "opening the link alone confirms nothing");

            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my appointment")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("is confirmed");
            assertThat(page.getByRole(AriaRole.STATUS)).containsText(tomorrow.toString());
            ConsoleBrowser.assertNoSeriousViolations(page, "appointment confirmed");
            assertFalse(unconfirmedWorklist().contains(appointmentId), "confirmed: off the unconfirmed worklist");

            // The appointment moves to another time: the old link no longer confirms it, and says why.
            String newTime = booked.path("startTime").asText().startsWith("14") ? "13:00" : "14:00";
            HttpResponse<String> moved = Arrange.send("scheduling-service", "POST", "/api/appointments/" + appointmentId + "/reschedule",
                    "scheduler", "{\"date\":\"" + tomorrow + "\",\"startTime\":\"" + newTime + "\"}");
            assertEquals(200, moved.statusCode(), moved.body());
            page.navigate(link);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my appointment")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("has moved since this message was sent");
            ConsoleBrowser.assertNoSeriousViolations(page, "old confirmation link");
            assertTrue(unconfirmedWorklist().contains(appointmentId), "the new time is not confirmed by the old link");

            // A link cut short says so before anything is sent.
            page.navigate(link.substring(0, link.indexOf("&token=")));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("This link is incomplete");
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Confirm my appointment"))).isDisabled();
        }
    }

    /** The unconfirmed worklist as scheduling-service answers it (it names each appointment's id). */
    private static String unconfirmedWorklist() throws Exception {
        return Arrange.send("scheduling-service", "GET", "/api/worklist?kind=unconfirmed", "scheduler", null).body();
    }

    /** The confirmation link of the newest message to {@code email} about this appointment. */
    private static String awaitLink(String email, String appointmentId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            List<SmtpSink.ReceivedMail> mails = SmtpSink.shared().messages().stream()
                    .filter(mail -> email.equals(mail.to())).toList();
            for (int i = mails.size() - 1; i >= 0; i--) {
                Matcher link = LINK.matcher(mails.get(i).text());
                if (link.find() && link.group(1).contains(appointmentId)) {
                    return link.group(1);
                }
            }
            return null;
        }, found -> found != null);
    }

    /** The partner's referral for this patient (with an e-mail address), accepted and approved: ready to schedule. */
    private static String readyToSchedule(String lastName, String email) throws Exception {
        return Arrange.readyToSchedule("""
                {"externalReferralId":"EXT-%s",
                 "patient":{"firstName":"Adaeze","lastName":"%s","dateOfBirth":"1971-03-09","sex":"female",
                            "phone":"555-0142","email":"%s"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "clinicalDetails":{"headacheDaysPerMonth":18},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W555000111"},
                 "urgency":"ROUTINE"}
                """.formatted(UUID.randomUUID(), lastName, email));
    }

}
