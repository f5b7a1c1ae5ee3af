package org.botoxclinic.console;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Pattern;

import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The clinic's whole day's work for one patient, entirely through the staff console in headless Chromium, against
 * the three real services: the partner practice's system submits the referral (the one step that is not the
 * console's), intake accepts it, the authorization specialist works the payer's checklist, submits and records the
 * approval, the scheduler opens today's clinic day, books the patient from the ready-to-schedule worklist, checks them
 * in and records the treatment, and intake reads on the referral's timeline what the referring practice sees: the
 * treatment completed. Each person signs in with their own role. Every page on the way passes axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = true)
class ConsoleJourneyBrowserTest extends ChromiumTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HAND_OVER = Duration.ofSeconds(30);

    private static final Page.GetByLabelOptions EXACT = new Page.GetByLabelOptions().setExact(true);
    private static final Locator.GetByLabelOptions EXACT_IN = new Locator.GetByLabelOptions().setExact(true);

    @TestHTTPResource("/")
    URL console;

    @Test
    void aReferralGoesFromThePartnersSubmissionToACompletedTreatmentThroughTheConsole() throws Exception {
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        String lastName = "Journey-" + Arrange.runName();
        String base = console.toString().replaceAll("/$", "");
        Files.createDirectories(ConsoleBrowser.SCREENSHOTS);

        // The partner practice's system refers the patient (its own API call; everything after is the console).
        String referralId = RealServices.submit(submission(lastName));

        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = context.newPage();

            // 1. Intake: the referral is in the queue; its page accepts it.
            ConsoleBrowser.signIn(page, base, "intake");
            assertThat(page).hasURL(Pattern.compile(".*/intake$"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^" + lastName + ", "))).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Referral for .*" + lastName))))
                    .isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: referral");
            // The chart the practice sent by fax is added to the referral: the diary and the neurologist's note.
            addDocument(page, "HEADACHE_DIARY", "headache-diary.txt", "Headache days per month: 20, 19, 22 (last 3 months)");
            addDocument(page, "CLINIC_NOTE", "neurology-note.txt", "Tried propranolol and topiramate 3 months each; no CGRP antagonist.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Accept referral")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("accepted");
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: referral accepted");
            assertEquals("ACCEPTED", api("referral-service", "/api/referrals/" + referralId, "intake").path("status").asText());

            // 2. Authorizations: the case insurance-service opened from the acceptance is in the queue.
            ConsoleBrowser.signIn(page, base, "authorizations");
            assertThat(page).hasURL(Pattern.compile(".*/authorizations$"));
            Locator caseLink = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^" + lastName + ", ")));
            await().atMost(HAND_OVER).pollInterval(Duration.ofMillis(500)).until(() -> {
                page.reload();
                return caseLink.count() == 1;
            });
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: authorization queue");
            caseLink.click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Authorization for .*" + lastName))))
                    .isVisible();
            // Every item of the payer's checklist is met, one form each; an item that needs a document of a kind
            // is met with the referral's document of that kind linked as its evidence.
            int count = page.locator("li.item").count();
            for (int i = 0; i < count; i++) {
                Locator item = page.locator("li.item").nth(i);
                if (item.locator("form.item-form").count() == 0) {
                    continue;
                }
                String needs = item.innerText().toLowerCase();
                item.getByLabel("Met", EXACT_IN).check();
                Locator evidence = item.locator("fieldset.evidence input[type=checkbox]");
                for (int e = 0; e < evidence.count(); e++) {
                    String label = page.locator("label[for=\"" + evidence.nth(e).getAttribute("id") + "\"]").innerText();
                    String kind = label.substring(label.lastIndexOf('(') + 1, label.lastIndexOf(')')).toLowerCase();
                    if (needs.contains("needs a linked document") && needs.contains(kind)) {
                        evidence.nth(e).check();
                    }
                }
                item.getByLabel("Note", EXACT_IN).fill("checked in the chart");
                item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save this item")).click();
                assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Checklist item saved");
            }
            assertThat(page.getByText("Every required item is met.")).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: checklist met");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit to the payer")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("ubmitted");
            // The payer approves: the decision as the specialist records it.
            page.getByLabel("Approved", EXACT).check();
            page.getByLabel("Authorization number", EXACT).fill("AUTH-" + lastName.substring(9).toUpperCase());
            page.getByLabel("Units approved", EXACT).fill("310");
            page.getByLabel("Visits approved", EXACT).fill("2");
            page.getByLabel("Valid from", EXACT).fill(today.toString());
            page.getByLabel("Valid to", EXACT).fill(today.plusMonths(6).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("ecision");
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: approved");
            ConsoleBrowser.screenshot(page, "journey-authorization-approved-1280x800");
            String caseId = page.url().replaceAll(".*/authorizations/([0-9a-f-]{36}).*", "$1");
            assertEquals("APPROVED", api("insurance-service", "/api/authorizations/" + caseId, "authorizations")
                    .path("status").asText());

            // 3. Scheduling: today is a clinic day (added here unless another desk already did), the patient is
            // ready to schedule once scheduling-service has heard of the approval, and is booked from the worklist.
            ConsoleBrowser.signIn(page, base, "scheduler");
            assertThat(page).hasURL(Pattern.compile(".*/scheduling.*"));
            page.getByLabel("Date", EXACT).fill(today.toString());
            page.getByLabel("Capacity (chair minutes)", EXACT).fill("480");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add clinic day")).click();
            assertEquals(today.toString(), api("scheduling-service", "/api/clinic-days/" + today, "scheduler")
                    .path("date").asText(), "today is a clinic day");
            page.navigate(base + "/scheduling/worklists?kind=ready-to-schedule");
            Locator book = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^Book .*" + lastName)));
            await().atMost(HAND_OVER).pollInterval(Duration.ofMillis(500)).until(() -> {
                page.reload();
                return book.count() == 1;
            });
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: ready to schedule");
            book.click();
            page.getByLabel("Clinic day", EXACT).selectOption(today.toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book appointment")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Appointment of .*" + lastName))))
                    .isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: booked");
            String appointmentId = page.url().replaceAll(".*/appointments/([0-9a-f-]{36}).*", "$1");

            // The patient arrives and is treated.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check in patient")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("hecked in");
            page.getByLabel("Units given", EXACT).fill("155");
            page.getByLabel("Units wasted", EXACT).fill("5");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record treatment")).click();
            assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("reatment");
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: treatment recorded");
            ConsoleBrowser.screenshot(page, "journey-treatment-recorded-1280x800");
            JsonNode appointment = api("scheduling-service", "/api/appointments/" + appointmentId, "scheduler");
            assertEquals("FULFILLED", appointment.path("status").asText(), appointment.toString());
            assertEquals(155, appointment.path("unitsAdministered").asInt(), appointment.toString());

            // 4. What the referring practice sees: the consult report of the treatment, on the referral's timeline.
            ConsoleBrowser.signIn(page, base, "intake");
            page.navigate(base + "/intake/" + referralId + "/timeline");
            Locator timeline = page.locator("ol.timeline");
            await().atMost(HAND_OVER).pollInterval(Duration.ofMillis(500)).until(() -> {
                page.reload();
                // The consult report the practice receives once the treatment is recorded.
                return timeline.innerText().contains("treated on " + today);
            });
            assertThat(timeline).containsText("ccepted");
            ConsoleBrowser.assertNoSeriousViolations(page, "journey: timeline");
            ConsoleBrowser.screenshot(page, "journey-timeline-1280x800");
        }
    }

    /** Adds a text document of a kind to the referral whose page is open, through its upload form. */
    private static void addDocument(Page page, String type, String fileName, String text) {
        page.getByLabel("Kind of document", EXACT).selectOption(type);
        page.getByLabel("File (PDF, PNG, JPEG, C-CDA XML or text)", EXACT).setInputFiles(new com.microsoft.playwright.options.FilePayload(
                fileName, "text/plain", text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add document")).click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("Document added");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(fileName))).isVisible();
    }

    private static JsonNode api(String service, String path, String group) throws Exception {
        HttpResponse<String> response = RealServices.send(service, "GET", path, DevTokens.forGroup(group), null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static String submission(String lastName) {
        return """
                {"externalReferralId":"EXT-%s",
                 "patient":{"firstName":"Noor","lastName":"%s","dateOfBirth":"1979-08-21","sex":"female",
                            "phone":"555-0177","email":"journey@patients.example.org"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Sam Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "clinicalDetails":{"headacheDaysPerMonth":20,"headacheHoursPerDay":6,"migraineDaysPerMonth":10,
                                    "symptomMonths":24,"priorPreventiveClasses":["BETA_BLOCKER","ANTICONVULSANT"],
                                    "currentCgrpAntagonist":false},
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W777000222"},
                 "urgency":"ROUTINE"}
                """.formatted(UUID.randomUUID(), lastName);
    }
}
