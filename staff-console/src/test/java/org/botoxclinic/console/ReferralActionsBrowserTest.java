package org.botoxclinic.console;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In headless Chromium against the real services: a member of intake opens referrals and decides them through the
 * console's forms: declines one without a reason (refused next to the field) and then with one, asks the practice on
 * another, accepts a third; adds a document (a refusal next to its field first) and downloads it through the
 * console; meets the service's 409 when posting the stale form of a second tab; reads the timelines the referring
 * practice reads. What the forms did is read back through referral-service's API. Every page state passes axe-core.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = true)
class ReferralActionsBrowserTest extends ChromiumTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL console;

    @Test
    void intakeDecidesReferralsAddsAndDownloadsADocumentAndReadsTheTimeline() throws Exception {
        String run = Arrange.runName();
        String declined = RealServices.submit(submission("DECL-" + run, "Ashby-" + run));
        String asked = RealServices.submit(submission("INFO-" + run, "Brook-" + run));
        String accepted = RealServices.submit(submission("ACPT-" + run, "Crane-" + run));
        String stale = RealServices.submit(submission("STALE-" + run, "Dale-" + run));
        Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
        String base = console.toString().replaceAll("/$", "");

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800)
                .setAcceptDownloads(true))) {
            Page page = context.newPage();
            ConsoleBrowser.signIn(page, base, "intake");

            // Decline without a reason: the service's 400 names the field, shown next to it; nothing changes.
            page.navigate(base + "/intake/" + declined);
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Referral for Ashby-" + run + ", Alex")))
                    .isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "referral with its actions");
            Response refused = page.waitForResponse(r -> r.url().endsWith("/decline"),
                    () -> button(page, "Decline referral").click());
            assertEquals(400, refused.status());
            assertThat(page.locator("#decline-reason-error")).containsText("reason");
            assertThat(page.getByLabel("Reason for the referring practice")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByLabel("Reason for the referring practice"))
                    .hasAttribute("aria-describedby", "decline-reason-error");
            ConsoleBrowser.assertNoSeriousViolations(page, "decline refused for want of a reason");
            assertEquals("RECEIVED", referral(declined).path("status").asText());

            // With a reason: back on the referral, told what was done; the service holds the decision and reason.
            String reason = "Fewer than 15 headache days a month; chronic migraine criteria not met";
            page.getByLabel("Reason for the referring practice").fill(reason);
            button(page, "Decline referral").click();
            assertThat(page).hasURL(Pattern.compile(".*/intake/" + declined + "\\?done=declined$"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Referral declined");
            assertThat(page.locator(".summary")).containsText("Status: Declined");
            assertThat(button(page, "Accept referral")).hasCount(0);
            ConsoleBrowser.assertNoSeriousViolations(page, "referral declined");
            JsonNode afterDecline = referral(declined);
            assertEquals("DECLINED", afterDecline.path("status").asText());
            assertEquals(reason, afterDecline.path("decisionReason").asText());

            // Ask the referring practice: only declining or cancelling remain while the answer is awaited.
            String question = "Please send the last three months of the headache diary.";
            page.navigate(base + "/intake/" + asked);
            page.getByLabel("Question for the referring practice").fill(question);
            button(page, "Request information").click();
            assertThat(page).hasURL(Pattern.compile(".*\\?done=info-requested$"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Question sent to the referring practice");
            assertThat(button(page, "Accept referral")).hasCount(0);
            assertThat(button(page, "Request information")).hasCount(0);
            assertThat(button(page, "Decline referral")).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "information requested");
            JsonNode afterAsk = referral(asked);
            assertEquals("INFO_REQUESTED", afterAsk.path("status").asText());
            assertEquals(question, afterAsk.path("infoQuestion").asText());

            // Accept.
            page.navigate(base + "/intake/" + accepted);
            button(page, "Accept referral").click();
            assertThat(page).hasURL(Pattern.compile(".*\\?done=accepted$"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Referral accepted");
            assertThat(button(page, "Cancel referral")).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "referral accepted");
            assertEquals("ACCEPTED", referral(accepted).path("status").asText());

            // Documents: a file without its kind is refused next to the kind; then added, listed and downloaded.
            byte[] diary = ("Headache diary " + run + "\n2026-01-02 migraine 8h\n2026-01-03 headache 5h\n")
                    .getBytes(StandardCharsets.UTF_8);
            page.navigate(base + "/intake/" + stale);
            assertThat(page.locator("#documents-count")).hasText("No documents yet.");
            page.locator("#doc-file").setInputFiles(new FilePayload("diary-" + run + ".txt", "text/plain", diary));
            Response noKind = page.waitForResponse(r -> r.url().endsWith("/documents"),
                    () -> button(page, "Add document").click());
            assertEquals(400, noKind.status());
            assertThat(page.locator("#doc-type-error")).containsText("kind of document");
            assertThat(page.getByLabel("Kind of document")).hasAttribute("aria-invalid", "true");
            ConsoleBrowser.assertNoSeriousViolations(page, "document refused for want of its kind");
            // Bytes of a kind the service does not take (recognised from the bytes, not the name): 415, next to the file.
            page.getByLabel("Kind of document").selectOption("HEADACHE_DIARY");
            page.locator("#doc-file").setInputFiles(new FilePayload("diary.txt", "text/plain",
                    new byte[] {0x00, (byte) 0xFF, 0x13, 0x37, 0x00, 0x01, (byte) 0xFE, 0x7F}));
            Response unsupported = page.waitForResponse(r -> r.url().endsWith("/documents"),
                    () -> button(page, "Add document").click());
            assertEquals(415, unsupported.status());
            assertThat(page.locator("#doc-file-error")).containsText("not a PDF");
            assertThat(page.getByLabel("Kind of document")).hasValue("HEADACHE_DIARY");
            ConsoleBrowser.assertNoSeriousViolations(page, "document refused for its content");
            page.locator("#doc-file").setInputFiles(new FilePayload("diary-" + run + ".txt", "text/plain", diary));
            button(page, "Add document").click();
            assertThat(page).hasURL(Pattern.compile(".*\\?done=document-added$"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Document added");
            Locator documentRow = page.locator("table.documents-table tbody tr");
            assertThat(documentRow).hasCount(1);
            assertThat(documentRow).containsText("diary-" + run + ".txt");
            assertThat(documentRow).containsText("Headache diary");
            assertThat(documentRow).containsText("Text");
            assertThat(documentRow).containsText(diary.length + " bytes");
            ConsoleBrowser.assertNoSeriousViolations(page, "referral with a document");
            ConsoleBrowser.screenshot(page, "referral-actions-1280x800");

            Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("diary-" + run + ".txt"));
            Download download = page.waitForDownload(link::click);
            assertEquals("diary-" + run + ".txt", download.suggestedFilename());
            assertArrayEquals(diary, Files.readAllBytes(download.path()));
            APIResponse bytes = page.request().get(base + link.getAttribute("href"));
            assertEquals(200, bytes.status());
            assertTrue(bytes.headers().get("content-type").startsWith("text/plain"), bytes.headers().toString());
            assertTrue(bytes.headers().get("content-disposition").startsWith("attachment"), bytes.headers().toString());
            assertArrayEquals(diary, bytes.body());

            // A second tab declines the referral; the first tab's stale Accept meets the service's 409, in words.
            Page second = context.newPage();
            second.navigate(base + "/intake/" + stale);
            second.getByLabel("Reason for the referring practice").fill("The patient is treated elsewhere");
            button(second, "Decline referral").click();
            assertThat(second).hasURL(Pattern.compile(".*\\?done=declined$"));
            second.close();
            Response conflict = page.waitForResponse(r -> r.url().endsWith("/accept"),
                    () -> button(page, "Accept referral").click());
            assertEquals(409, conflict.status());
            Locator alert = page.locator("#accept-alert");
            assertThat(alert).hasAttribute("role", "alert");
            assertThat(alert).containsText("This referral is now declined");
            assertThat(alert).containsText("so it cannot be accepted");
            assertThat(page.locator(".summary")).containsText("Status: Declined");
            ConsoleBrowser.assertNoSeriousViolations(page, "stale accept refused (409)");
            assertEquals("DECLINED", referral(stale).path("status").asText());

            // The timelines, as the referring practice reads them: the decisions in order, in the clinic's zone.
            page.navigate(base + "/intake/" + declined);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline as the referring practice sees it")).click();
            assertThat(page).hasURL(Pattern.compile(".*/intake/" + declined + "/timeline$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Ashby-" + run);
            awaitEntries(page, "Referral received", "Declined");
            assertThat(page.locator(".timeline")).containsText("Declined: " + reason);
            ConsoleBrowser.assertNoSeriousViolations(page, "timeline of a declined referral");

            page.navigate(base + "/intake/" + asked + "/timeline");
            awaitEntries(page, "Referral received", "Clinic asked for information");
            assertThat(page.locator(".timeline")).containsText(question);

            page.navigate(base + "/intake/" + accepted + "/timeline");
            awaitEntries(page, "Referral received", "Accepted");

            page.navigate(base + "/intake/" + stale + "/timeline");
            awaitEntries(page, "Referral received", "Document added", "Declined");
            assertThat(page.locator(".timeline")).containsText("The patient is treated elsewhere");
            assertThat(page.locator(".timeline")).containsText("Headache diary \u201cdiary-" + run + ".txt\u201d");
            assertThat(page.locator(".timeline")).containsText("Screening: Meets criteria");
            ConsoleBrowser.assertNoSeriousViolations(page, "timeline with a document and a decision");
            ConsoleBrowser.screenshot(page, "referral-timeline-1280x800");
        }

        // A tablet (portrait): the referral with its actions and documents fits the width.
        try (BrowserContext tablet = browser.newContext(new Browser.NewContextOptions().setViewportSize(820, 1180)
                .setHasTouch(true))) {
            Page page = tablet.newPage();
            ConsoleBrowser.signIn(page, base, "intake");
            String onTablet = RealServices.submit(submission("TAB-" + run, "Easton-" + run));
            page.navigate(base + "/intake/" + onTablet);
            assertThat(button(page, "Accept referral")).isVisible();
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "the referral's page fits a tablet's width");
            ConsoleBrowser.assertNoSeriousViolations(page, "referral actions on a tablet");
            page.navigate(base + "/intake/" + stale + "/timeline");
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "the timeline fits a tablet's width");
            // The patient withdrew: cancelled with the reason (which also keeps it out of the shared queue).
            page.navigate(base + "/intake/" + onTablet);
            page.getByLabel("Why the patient withdrew").fill("The patient moved away");
            button(page, "Cancel referral").click();
            assertThat(page).hasURL(Pattern.compile(".*\\?done=cancelled$"));
            assertThat(page.getByRole(AriaRole.STATUS)).containsText("Referral cancelled");
            assertThat(page.locator(".decide")).containsText("nothing more to decide");
            ConsoleBrowser.assertNoSeriousViolations(page, "referral cancelled, on a tablet");
            assertEquals("CANCELLED", referral(onTablet).path("status").asText());
        }
    }

    /** The timeline page shows these entries, in this order (reloaded until the service has written them). */
    private static void awaitEntries(Page page, String... titles) {
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            List<String> shown = page.locator(".timeline-what").allTextContents();
            int at = -1;
            for (String title : titles) {
                int next = -1;
                for (int i = at + 1; i < shown.size(); i++) {
                    if (shown.get(i).strip().equals(title)) {
                        next = i;
                        break;
                    }
                }
                if (next < 0) {
                    page.reload();
                    throw new AssertionError("the timeline shows " + shown + ", not " + List.of(titles) + " in order");
                }
                at = next;
            }
        });
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The referral as referral-service now holds it (read back through its API as intake). */
    private static JsonNode referral(String id) throws Exception {
        var response = RealServices.send("referral-service", "GET", "/api/referrals/" + id, DevTokens.forGroup("intake"), null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    /** A chronic-migraine referral from the partner that meets the clinic's criteria. */
    private static String submission(String externalId, String lastName) {
        return """
                {
                  "externalReferralId": "%s",
                  "patient": {"firstName": "Alex", "lastName": "%s", "dateOfBirth": "1979-03-08", "sex": "female",
                              "phone": "555-0141", "email": "patient@example.org"},
                  "referringProvider": {"npi": "1234567893", "name": "Dr. Sam Lee", "practice": "North Family Practice",
                                        "phone": "555-0190"},
                  "indication": "CHRONIC_MIGRAINE",
                  "diagnosisCodes": ["G43.709"],
                  "clinicalDetails": {"headacheDaysPerMonth": 20, "headacheHoursPerDay": 6, "migraineDaysPerMonth": 10,
                                      "symptomMonths": 24, "priorPreventiveClasses": ["BETA_BLOCKER", "ANTICONVULSANT"],
                                      "currentCgrpAntagonist": false},
                  "insurance": {"payerId": "AETNA", "payerName": "Aetna", "memberId": "W987654321", "groupNumber": "G-100",
                                "planType": "PPO"},
                  "urgency": "ROUTINE"
                }
                """.formatted(externalId, lastName);
    }
}
