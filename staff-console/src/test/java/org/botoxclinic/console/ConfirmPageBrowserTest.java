package org.botoxclinic.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.SmtpSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
class ConfirmPageBrowserTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/confirm\\.html\\?[^\\s\"<>]+)");

    private static ConsoleBrowser chromium;

    @BeforeAll
    static void browser() {
        chromium = ConsoleBrowser.launch();
    }

    @AfterAll
    static void close() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void thePatientConfirmsWithTheButtonAndAnOldLinkIsRefusedInWords() throws Exception {
        LocalDate tomorrow = LocalDate.now(CLINIC_ZONE).plusDays(1);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String email = "confirm-" + run + "@patients.example.org";
        String referralId = readyToSchedule("Achebe-" + lettersOf(run), email);
        String patientId = json(send("scheduling-service", "GET", "/api/treatment-plans/" + referralId, "scheduler", null))
                .path("patientId").asText();
        send("scheduling-service", "PUT", "/api/patients/" + patientId + "/contact-preferences", "scheduler",
                "{\"channel\":\"EMAIL\",\"optedOut\":false}");
        send("scheduling-service", "POST", "/api/clinic-days", "scheduler",
                "{\"date\":\"" + tomorrow + "\",\"capacityMinutes\":480}");
        JsonNode booked = json(send("scheduling-service", "POST", "/api/appointments", "scheduler",
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
            HttpResponse<String> moved = send("scheduling-service", "POST", "/api/appointments/" + appointmentId + "/reschedule",
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
        return send("scheduling-service", "GET", "/api/worklist?kind=unconfirmed", "scheduler", null).body();
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

    /** Submitted by the partner, accepted, approved: the plan scheduling-service holds is ready to schedule. */
    static String readyToSchedule(String lastName, String email) throws Exception {
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        String referralId = RealServices.submit("""
                {"externalReferralId":"EXT-%s",
                 "patient":{"firstName":"Adaeze","lastName":"%s","dateOfBirth":"1971-03-09","sex":"female",
                            "phone":"555-0142","email":"%s"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "clinicalDetails":{"headacheDaysPerMonth":18},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W555000111"},
                 "urgency":"ROUTINE"}
                """.formatted(UUID.randomUUID(), lastName, email));
        expect(200, send("referral-service", "POST", "/api/referrals/" + referralId + "/accept", "intake", null));
        String caseId = await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode items = json(send("insurance-service", "GET", "/api/authorizations?referralId=" + referralId,
                    "authorizations", null)).path("items");
            return items.size() == 1 ? items.get(0).path("id").asText() : null;
        }, id -> id != null);
        expect(200, send("insurance-service", "POST", "/api/authorizations/" + caseId + "/submit", "authorizations",
                "{\"channel\":\"PORTAL\",\"expedited\":false,\"override\":true,"
                        + "\"overrideReason\":\"documentation on file with the referring practice\"}"));
        expect(200, send("insurance-service", "POST", "/api/authorizations/" + caseId + "/decision", "authorizations",
                "{\"outcome\":\"APPROVED\",\"authorizationNumber\":\"AUTH-%s\",\"approvedUnits\":310,\"approvedVisits\":2,"
                        .formatted(caseId.substring(0, 8))
                        + "\"validFrom\":\"" + today + "\",\"validTo\":\"" + today.plusMonths(6) + "\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY_TO_SCHEDULE".equals(
                json(send("scheduling-service", "GET", "/api/treatment-plans/" + referralId, "scheduler", null))
                        .path("status").asText()));
        return referralId;
    }

    /** A run's tag as letters (a name takes no digits). */
    static String lettersOf(String hex) {
        StringBuilder letters = new StringBuilder();
        for (char c : hex.toCharArray()) {
            letters.append((char) ('a' + Character.digit(c, 16)));
        }
        return Character.toUpperCase(letters.charAt(0)) + letters.substring(1);
    }

    private static HttpResponse<String> send(String service, String method, String path, String group, String body)
            throws Exception {
        return RealServices.send(service, method, path, DevTokens.forGroup(group), body);
    }

    private static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
