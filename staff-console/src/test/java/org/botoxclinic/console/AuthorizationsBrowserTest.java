package org.botoxclinic.console;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.botoxclinic.console.authorizations.CaseQueueFilter;
import org.botoxclinic.console.insurance.CasePage;
import org.botoxclinic.console.insurance.CaseSummary;
import org.botoxclinic.console.insurance.DecisionClockWords;
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
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In headless Chromium (Debian's), against the real services: referrals submitted by the partner and accepted by
 * intake through referral-service's API become insurance-service cases; a member of authorizations then works them in
 * the console: finds them in the queue with their decision clock, is refused a submission with the checklist incomplete
 * (in words, next to the button), ticks the items and links a referral document as evidence, submits, records an
 * approval (read back through insurance-service's API) and downloads the packet; on another case records a denial
 * (a missing reason refused next to its field, a colleague's stale approval refused 409 in words) and appeals it.
 * axe-core on every page state; the queue and a case at a tablet's width. The overdue flag is checked by rendering the
 * queue with a case the service calls overdue: the services run with the real clock, and a decision only becomes
 * overdue when days pass.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = true)
class AuthorizationsBrowserTest extends ChromiumTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ZoneId CLINIC = ZoneId.of("America/New_York");

    @TestHTTPResource("/")
    URL console;

    @Inject
    @Location("authorizations/queue-section.html")
    Template queueSection;

    @Test
    void authorizationsWorksCasesFromChecklistToApprovalAndFromDenialToAppeal() throws Exception {
        String run = Arrange.runName();
        String payer = "ACME-" + run.toUpperCase();
        String approvedName = "Quill" + run;
        String deniedName = "Marsh" + run;
        String referral1 = RealServices.submit(submission("AUTH-A-" + run, approvedName, payer));
        String referral2 = RealServices.submit(submission("AUTH-D-" + run, deniedName, payer));
        accept(referral1);
        accept(referral2);
        String case1 = caseOf(referral1);
        String case2 = caseOf(referral2);
        String note = attach(referral1, "CLINIC_NOTE", "neurology-note-" + run + ".txt",
                "Seen by a neurologist; chronic migraine confirmed.");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> read(case1).path("documents").size() == 1);
        Files.createDirectories(ConsoleBrowser.SCREENSHOTS);
        String base = console.toString().replaceAll("/$", "");
        String today = LocalDate.now(CLINIC).toString();

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = context.newPage();
            ConsoleBrowser.signIn(page, base, "authorizations");

            // authorizations lands on its queue; the section is in the navigation.
            assertThat(page).hasURL(Pattern.compile(".*/authorizations$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Authorization queue"))).isVisible();
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Authorizations"))).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "authorization queue");

            // Filtered by this run's payer: the two cases, waiting for submission, no decision due yet.
            page.getByLabel("Payer id").fill(payer);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page).hasURL(Pattern.compile(".*payerId=" + payer + ".*"));
            Locator rows = page.locator("table.queue tbody tr");
            assertThat(rows).hasCount(2);
            assertThat(row(page, approvedName)).containsText("Pending submission");
            assertThat(row(page, approvedName)).containsText("Acme Health");
            assertThat(row(page, approvedName)).containsText("No decision due");
            ConsoleBrowser.assertNoSeriousViolations(page, "filtered authorization queue");

            // A filter insurance-service refuses is explained next to its field.
            page.navigate(base + "/authorizations?expiringWithinDays=99999");
            assertThat(page.locator("#a-expiring-error")).isVisible();
            assertThat(page.getByLabel("Approval ends within (days)")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("insurance-service refused");
            ConsoleBrowser.assertNoSeriousViolations(page, "refused queue filter");

            // The case: submitting with a required item unmet is refused, in words, next to the button.
            page.navigate(base + "/authorizations?payerId=" + payer);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(approvedName + ", Alex")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Authorization for " + approvedName + ", Alex"))).isVisible();
            assertThat(page.locator("#item-SPECIALIST_PRESCRIBER")).containsText("Not met");
            page.getByLabel("How it was sent").selectOption("PORTAL");
            assertEquals(422, statusOf(page, "/submit", () -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Submit to the payer")).click()));
            assertThat(page.locator("#submit-alert")).containsText("the payer's checklist is not complete");
            assertThat(page.locator("#submit-alert")).containsText("Prescribed by a specialist");
            assertEquals("PENDING_SUBMISSION", read(case1).path("status").asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "submission refused");

            // A document of a kind the item does not accept is refused next to the item.
            Locator diary = page.locator("#req-HEADACHE_DIARY");
            diary.getByLabel(Pattern.compile("^neurology-note-")).check();
            assertEquals(422, statusOf(page, "/requirements/HEADACHE_DIARY", () -> diary.getByRole(AriaRole.BUTTON,
                    new Locator.GetByRoleOptions().setName("Save this item")).click()));
            assertThat(page.locator("#req-HEADACHE_DIARY-alert")).containsText("none of the linked documents is of a kind this item accepts");
            assertThat(page.locator("#req-HEADACHE_DIARY-alert")).containsText("headache diary");
            ConsoleBrowser.assertNoSeriousViolations(page, "evidence refused");

            // Tick the specialist item with the neurologist's note as evidence.
            page.navigate(base + "/authorizations/" + case1);
            Locator specialist = page.locator("#req-SPECIALIST_PRESCRIBER");
            specialist.getByLabel("Met", new Locator.GetByLabelOptions().setExact(true)).check();
            specialist.getByLabel(Pattern.compile("^neurology-note-")).check();
            specialist.getByLabel("Note", new Locator.GetByLabelOptions().setExact(true)).fill("Neurologist");
            specialist.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save this item")).click();
            assertThat(page).hasURL(Pattern.compile(".*done=requirement$"));
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Checklist item saved.");
            assertThat(page.locator("#item-SPECIALIST_PRESCRIBER")).containsText("neurology-note-" + run + ".txt");
            JsonNode item = requirement(read(case1), "SPECIALIST_PRESCRIBER");
            assertTrue(item.path("met").asBoolean());
            assertEquals(note, item.path("evidenceDocumentIds").get(0).asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "checklist item saved");

            // Submit: the decision clock starts.
            page.getByLabel("How it was sent").selectOption("PORTAL");
            page.getByLabel("Payer's reference (optional)").fill("PORTAL-" + run);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit to the payer")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Submitted to the payer; the decision clock is running.");
            assertThat(page.locator("#clock")).containsText("Due in");
            assertEquals("SUBMITTED", read(case1).path("status").asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "case submitted");
            ConsoleBrowser.screenshot(page, "authorization-case-1280x800");

            // The queue shows its clock.
            page.navigate(base + "/authorizations?payerId=" + payer);
            assertThat(row(page, approvedName)).containsText("Submitted");
            assertThat(row(page, approvedName)).containsText("Due in");
            assertThat(row(page, approvedName).locator(".flag-overdue")).hasCount(0);
            ConsoleBrowser.assertNoSeriousViolations(page, "queue with a decision clock");
            ConsoleBrowser.screenshot(page, "authorization-queue-1280x800");

            // Record the payer's approval; insurance-service holds it.
            page.navigate(base + "/authorizations/" + case1);
            page.getByLabel("Approved", new Page.GetByLabelOptions().setExact(true)).check();
            page.getByLabel("Authorization number").fill("PA-" + run);
            page.getByLabel("Units approved").fill("155");
            page.getByLabel("Visits approved").fill("2");
            page.getByLabel("Valid from").fill(today);
            page.getByLabel("Valid to").fill(LocalDate.now(CLINIC).plusDays(180).toString());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("The payer's decision is recorded.");
            assertThat(page.locator("#outcome")).containsText("Approved");
            assertThat(page.locator("#units")).hasText("0 of 155 approved");
            assertThat(page.locator("#visits")).hasText("0 of 2 approved");
            JsonNode approved = read(case1);
            assertEquals("APPROVED", approved.path("status").asText());
            assertEquals("PA-" + run, approved.path("authorizationNumber").asText());
            assertEquals(155, approved.path("unitsApproved").asInt());
            assertEquals(2, approved.path("visitsApproved").asInt());
            assertEquals(today, approved.path("validFrom").asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "case approved");

            // The packet: a PDF streamed through the console.
            Download download = page.waitForDownload(() -> page.locator("#packet-link").click());
            assertEquals("authorization-" + case1 + "-packet.pdf", download.suggestedFilename());
            APIResponse packet = context.request().get(base + "/authorizations/" + case1 + "/packet");
            assertEquals(200, packet.status());
            assertTrue(packet.headers().get("content-type").startsWith("application/pdf"), packet.headers().toString());
            assertEquals("%PDF", new String(packet.body(), 0, 4, StandardCharsets.US_ASCII));

            // The other case: ticked and submitted, then denied and appealed.
            page.navigate(base + "/authorizations/" + case2);
            Locator specialist2 = page.locator("#req-SPECIALIST_PRESCRIBER");
            specialist2.getByLabel("Met", new Locator.GetByLabelOptions().setExact(true)).check();
            specialist2.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save this item")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Checklist item saved.");
            page.getByLabel("How it was sent").selectOption("FAX");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit to the payer")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Submitted to the payer; the decision clock is running.");

            // A colleague has the same case open (their page will be stale).
            Page colleague = context.newPage();
            colleague.navigate(base + "/authorizations/" + case2);
            assertThat(colleague.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision"))).isVisible();

            // A denial without the payer's reason is refused next to the field; the choice is kept.
            page.getByLabel("Denied", new Page.GetByLabelOptions().setExact(true)).check();
            assertEquals(400, statusOf(page, "/decision", () -> page.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Record decision")).click()));
            assertThat(page.locator("#d-denial-error")).containsText("A denial needs the payer's specific reason");
            assertThat(page.getByLabel("Denial reason")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByLabel("Denied", new Page.GetByLabelOptions().setExact(true))).isChecked();
            ConsoleBrowser.assertNoSeriousViolations(page, "decision refused");
            page.getByLabel("Denial reason").fill("Fewer than 15 headache days a month documented");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Record decision")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("The payer's decision is recorded.");
            assertThat(page.locator("#outcome")).containsText("Denied");
            assertEquals("DENIED", read(case2).path("status").asText());

            // The colleague's stale approval: an illegal change (409), explained in words.
            colleague.getByLabel("Approved", new Page.GetByLabelOptions().setExact(true)).check();
            colleague.getByLabel("Authorization number").fill("PA-X-" + run);
            colleague.getByLabel("Units approved").fill("155");
            colleague.getByLabel("Visits approved").fill("2");
            colleague.getByLabel("Valid from").fill(today);
            colleague.getByLabel("Valid to").fill(LocalDate.now(CLINIC).plusDays(90).toString());
            assertEquals(409, statusOf(colleague, "/decision", () -> colleague.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Record decision")).click()));
            assertThat(colleague.locator("#decision-alert, [role=alert]").first())
                    .containsText("this case is now denied, so it can no longer be given a decision");
            assertEquals("DENIED", read(case2).path("status").asText());
            ConsoleBrowser.assertNoSeriousViolations(colleague, "stale decision refused");
            colleague.close();

            // Appeal the denial: the payer's appeal clock runs.
            page.getByLabel("Grounds for the appeal").fill("The diary shows 20 headache days a month for two years");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Appeal the denial")).click();
            assertThat(page.getByRole(AriaRole.STATUS)).hasText("Appeal recorded; the payer's appeal clock is running.");
            assertThat(page.locator("#clock")).containsText("Due in");
            JsonNode appealed = read(case2);
            assertEquals("APPEALED", appealed.path("status").asText());
            assertEquals("The diary shows 20 headache days a month for two years", appealed.path("appeal").path("reason").asText());
            ConsoleBrowser.assertNoSeriousViolations(page, "case appealed");
        }

        // A tablet (portrait): the queue and a case fit the width without scrolling sideways.
        try (BrowserContext tablet = browser.newContext(new Browser.NewContextOptions().setViewportSize(820, 1180)
                .setHasTouch(true))) {
            Page page = tablet.newPage();
            ConsoleBrowser.signIn(page, base, "authorizations");
            page.navigate(base + "/authorizations?payerId=" + payer);
            assertThat(page.locator("table.queue tbody tr")).hasCount(2);
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "the authorization queue fits a tablet's width");
            ConsoleBrowser.assertNoSeriousViolations(page, "authorization queue on a tablet");
            page.navigate(base + "/authorizations/" + case2);
            assertThat(page.locator("#outcome")).containsText("Denied");
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "a case fits a tablet's width");
            ConsoleBrowser.assertNoSeriousViolations(page, "authorization case on a tablet");
            ConsoleBrowser.screenshot(page, "authorization-case-tablet-820x1180");
        }
    }

    @Test
    void authorizationsLandsOnItsQueueAndIntakeIsRefusedThere() {
        Response home = given().redirects().follow(false).cookie("clinic_console_session", sessionFor("authorizations")).get("/");
        assertEquals(303, home.statusCode());
        assertTrue(home.header("Location").endsWith("/authorizations"), home.header("Location"));
        given().redirects().follow(false).cookie("clinic_console_session", sessionFor("intake")).get("/authorizations")
                .then().statusCode(403).body(containsString("Not for your groups"));
        // A write without the form's CSRF token is refused before it reaches insurance-service.
        given().redirects().follow(false).cookie("clinic_console_session", sessionFor("authorizations"))
                .formParam("channel", "PORTAL").post("/authorizations/" + UUID.randomUUID() + "/submit")
                .then().statusCode(400);
        given().redirects().follow(false).cookie("clinic_console_session", sessionFor("intake")).get("/intake")
                .then().statusCode(200).body(org.hamcrest.Matchers.not(containsString("href=\"/authorizations\"")));
    }

    /**
     * The overdue flag as the queue shows it, for a case insurance-service calls overdue (the services run with the
     * real clock: a decision becomes overdue only when its days have passed, so this renders the queue's template with
     * such a case). The flag is a word and a colour; a case on time has neither.
     */
    @Test
    void anOverdueCaseStandsOutInWordsAndColour() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CaseSummary late = summary("Overdue", now.minusHours(5), true);
        CaseSummary onTime = summary("Ontime", now.plusDays(3).plusMinutes(5), false);
        String html = queueSection.data("filter", new CaseQueueFilter(null, null, null, false, null))
                .data("options", CaseQueueFilter.OPTIONS)
                .data("page", new CasePage(List.of(late, onTime), null))
                .data("firstPage", true)
                .data("problem", null)
                .data("errors", Map.of())
                .render();
        Matcher rowsFound = Pattern.compile("<tr( class=\"overdue-row\")?>(.*?)</tr>", Pattern.DOTALL).matcher(html);
        assertTrue(rowsFound.find());
        rowsFound.find();
        String lateRow = rowsFound.group(0);
        assertTrue(lateRow.contains("overdue-row"), lateRow);
        assertTrue(lateRow.contains("<span class=\"flag flag-overdue\">Overdue</span>"), lateRow);
        assertTrue(lateRow.contains("Overdue by 5 hours"), lateRow);
        assertTrue(rowsFound.find());
        String onTimeRow = rowsFound.group(0);
        assertFalse(onTimeRow.contains("flag-overdue"), onTimeRow);
        assertTrue(onTimeRow.contains("Due in 3 days"), onTimeRow);

        Instant at = Instant.parse("2026-03-02T15:00:00Z");
        assertEquals("Due in 1 hour 30 minutes",
                DecisionClockWords.of(OffsetDateTime.parse("2026-03-02T16:30:00Z"), false, at));
        assertEquals("Overdue by 2 days", DecisionClockWords.of(OffsetDateTime.parse("2026-02-28T14:00:00Z"), true, at));
        assertEquals("Due in 45 minutes", DecisionClockWords.of(OffsetDateTime.parse("2026-03-02T15:45:00Z"), false, at));
        assertEquals(null, DecisionClockWords.of(null, false, at));
    }

    /** The status the console answered the form's POST to a path ending in {@code path} with. */
    private static int statusOf(Page page, String path, Runnable submit) {
        return page.waitForResponse(response -> "POST".equals(response.request().method()) && response.url().endsWith(path),
                submit).status();
    }

    private static CaseSummary summary(String lastName, OffsetDateTime dueAt, boolean overdue) {
        return new CaseSummary(UUID.randomUUID(), UUID.randomUUID(), null, "SUBMITTED", "CHRONIC_MIGRAINE", "ACME", "Acme Health",
                "Alex", lastName, 155, 2, dueAt, overdue, null, null, 0, null, 0, null, null, false, dueAt);
    }

    private static Locator row(Page page, String lastName) {
        return page.locator("table.queue tbody tr").filter(new Locator.FilterOptions().setHasText(lastName));
    }

    private static void accept(String referralId) throws IOException, InterruptedException {
        HttpResponse<String> accepted = RealServices.send("referral-service", "POST", "/api/referrals/" + referralId + "/accept",
                DevTokens.forGroup("intake"), null);
        assertEquals(200, accepted.statusCode(), accepted.body());
    }

    /** Waits until insurance-service holds the accepted referral's case; its id. */
    private static String caseOf(String referralId) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            HttpResponse<String> page = RealServices.send("insurance-service", "GET", "/api/authorizations?referralId=" + referralId,
                    DevTokens.forGroup("authorizations"), null);
            JsonNode items = JSON.readTree(page.body()).path("items");
            return items.size() == 1 ? items.get(0).path("id").asText() : null;
        }, id -> id != null);
    }

    private static JsonNode read(String caseId) throws IOException, InterruptedException {
        HttpResponse<String> response = RealServices.send("insurance-service", "GET", "/api/authorizations/" + caseId,
                DevTokens.forGroup("authorizations"), null);
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    private static JsonNode requirement(JsonNode c, String code) {
        for (JsonNode item : c.path("requirements")) {
            if (code.equals(item.path("code").asText())) {
                return item;
            }
        }
        throw new AssertionError("no requirement " + code + " on " + c);
    }

    /** Attaches a plain-text document to the referral as intake (multipart, as referral-service takes it); its id. */
    private static String attach(String referralId, String type, String fileName, String text)
            throws IOException, InterruptedException {
        String boundary = "----clinic" + UUID.randomUUID();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"type\"\r\n\r\n" + type + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/plain\r\n\r\n" + text + "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(RealServices.baseUrl("referral-service")
                        + "/api/referrals/" + referralId + "/documents"))
                .header("Authorization", "Bearer " + DevTokens.forGroup("intake"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** A development session for {@code role}, signed in through the form (with its CSRF token) as a browser does. */
    private static String sessionFor(String role) {
        Response form = given().get("/sign-in");
        Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(form.body().asString());
        assertTrue(token.find(), "the sign-in form carries its token");
        return given().redirects().follow(false).cookie("clinic_console_csrf", form.cookie("clinic_console_csrf"))
                .formParam("csrf-token", token.group(1)).formParam("role", role).post("/sign-in")
                .cookie("clinic_console_session");
    }

    /** A chronic-migraine referral from the partner whose clinical details meet every item but the specialist's. */
    private static String submission(String externalId, String lastName, String payerId) {
        return """
                {
                  "externalReferralId": "%s",
                  "patient": {"firstName": "Alex", "lastName": "%s", "dateOfBirth": "1984-05-17", "sex": "female",
                              "phone": "555-0141", "email": "patient@example.org"},
                  "referringProvider": {"npi": "1234567893", "name": "Dr. Sam Lee", "practice": "North Family Practice",
                                        "phone": "555-0190"},
                  "indication": "CHRONIC_MIGRAINE",
                  "diagnosisCodes": ["G43.709"],
                  "clinicalDetails": {"headacheDaysPerMonth": 20, "headacheHoursPerDay": 6, "migraineDaysPerMonth": 10,
                                      "symptomMonths": 24, "priorPreventiveClasses": ["BETA_BLOCKER", "ANTICONVULSANT"],
                                      "currentCgrpAntagonist": false},
                  "insurance": {"payerId": "%s", "payerName": "Acme Health", "memberId": "W123456789", "groupNumber": "G-100",
                                "planType": "PPO"},
                  "urgency": "ROUTINE"
                }
                """.formatted(externalId, lastName, payerId);
    }
}
