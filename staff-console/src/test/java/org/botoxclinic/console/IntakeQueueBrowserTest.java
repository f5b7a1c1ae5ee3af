package org.botoxclinic.console;

import java.net.URL;
import java.nio.file.Files;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In headless Chromium (Debian's), against the real referral-service: a member of intake signs in (development
 * sign-in), sees the queue with its triage flags, filters it, gets a refused filter explained next to its field,
 * opens a referral with the keyboard; every page passes an axe-core scan without serious violations, at 1280x800 and
 * at a tablet's 820x1180. Screenshots go to target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = true)
class IntakeQueueBrowserTest extends ChromiumTest {

    @TestHTTPResource("/")
    URL console;

    @Test
    void intakeSignsInSeesTheQueueFiltersItAndOpensAReferral() throws Exception {
        // The services are shared with the other browser tests: this test's patients carry the run's name, and only
        // their rows are looked at.
        String run = Arrange.runName();
        String harbor = "Harbor-" + run;
        String lindqvist = "Lindqvist-" + run;
        String okafor = "Okafor-" + run;
        RealServices.submit(submission("MEETS-" + run, harbor, "555-0101", "ROUTINE", 20, 6));
        RealServices.submit(submission("REVIEW-" + run, lindqvist, "555-0102", "URGENT", 20, null));
        RealServices.submit(submission("FAILS-" + run, okafor, "555-0103", "ROUTINE", 5, 6));
        Files.createDirectories(ConsoleBrowser.SCREENSHOTS);

        try (BrowserContext context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = context.newPage();
            String base = console.toString().replaceAll("/$", "");

            // A stranger is sent to sign in; the sign-in page passes the scan.
            page.navigate(base + "/intake");
            assertThat(page).hasURL(Pattern.compile(".*/sign-in$"));
            ConsoleBrowser.assertNoSeriousViolations(page, "sign-in");
            page.getByLabel("Intake").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            // The queue, urgent first, with the triage flags as referral-service screened them.
            assertThat(page).hasURL(Pattern.compile(".*/intake$"));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Intake queue"))).isVisible();
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Intake"))).isVisible();
            Locator rows = ours(page, run);
            assertThat(rows).hasCount(3);
            assertThat(rows.nth(0)).containsText(lindqvist);
            assertThat(rows.nth(0)).containsText("Urgent");
            assertThat(rows.nth(0)).containsText("Needs review");
            assertThat(row(page, harbor)).containsText("Meets criteria");
            assertThat(row(page, okafor)).containsText("Does not meet criteria");
            ConsoleBrowser.assertNoSeriousViolations(page, "intake queue");
            ConsoleBrowser.screenshot(page, "intake-queue-1280x800");

            // Filtering swaps the queue in place and keeps the filter in the address.
            page.getByLabel("Triage").selectOption("NEEDS_REVIEW");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page).hasURL(Pattern.compile(".*triage=NEEDS_REVIEW.*"));
            assertThat(rows).hasCount(1);
            assertThat(rows.nth(0)).containsText(lindqvist);

            // A filter referral-service refuses (problem+json naming the parameter) is explained next to its field.
            page.navigate(base + "/intake?status=RECEIVED&receivedFrom=2026-02-30");
            Locator fromError = page.locator("#f-from-error");
            assertThat(fromError).isVisible();
            assertThat(page.getByLabel("Received from")).hasAttribute("aria-invalid", "true");
            assertThat(page.getByRole(AriaRole.ALERT).first()).containsText("referral-service refused");
            ConsoleBrowser.assertNoSeriousViolations(page, "refused filter");

            // With the keyboard alone: to the referral's link, Enter opens its detail.
            page.navigate(base + "/intake");
            Locator link = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("^" + okafor + ", ")));
            for (int i = 0; i < 150 && !ConsoleBrowser.focused(link); i++) {
                page.keyboard().press("Tab");
            }
            assertTrue(ConsoleBrowser.focused(link), "the referral's link is reachable with Tab");
            page.keyboard().press("Enter");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(Pattern.compile("^Referral for " + okafor))))
                    .isVisible();
            assertThat(page.locator(".summary")).containsText("Does not meet criteria");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Triage"))).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "referral detail");
            ConsoleBrowser.screenshot(page, "referral-detail-1280x800");
        }

        // A tablet (portrait): the same pages fit the width without scrolling sideways.
        try (BrowserContext tablet = browser.newContext(new Browser.NewContextOptions().setViewportSize(820, 1180)
                .setHasTouch(true))) {
            Page page = tablet.newPage();
            String base = console.toString().replaceAll("/$", "");
            page.navigate(base + "/sign-in");
            page.getByLabel("Intake").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(ours(page, run)).hasCount(3);
            assertEquals(Boolean.TRUE, page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"),
                    "the queue fits a tablet's width");
            ConsoleBrowser.assertNoSeriousViolations(page, "intake queue on a tablet");
            ConsoleBrowser.screenshot(page, "intake-queue-tablet-820x1180");
        }
    }

    /** This run's rows of the queue (other test classes' referrals may be in it too). */
    private static Locator ours(Page page, String run) {
        return page.locator("table.queue tbody tr").filter(new Locator.FilterOptions().setHasText("-" + run + ", "));
    }

    private static Locator row(Page page, String lastName) {
        return page.locator("table.queue tbody tr").filter(new Locator.FilterOptions().setHasText(lastName));
    }

    /** A chronic-migraine referral from the partner, screened by referral-service's own triage rules. */
    private static String submission(String externalId, String lastName, String phone, String urgency, int headacheDays,
                                     Integer headacheHours) {
        String hours = headacheHours == null ? "" : "\"headacheHoursPerDay\": " + headacheHours + ",";
        return """
                {
                  "externalReferralId": "%s",
                  "patient": {"firstName": "Alex", "lastName": "%s", "dateOfBirth": "1984-05-17", "sex": "female",
                              "phone": "%s", "email": "patient@example.org"},
                  "referringProvider": {"npi": "1234567893", "name": "Dr. Sam Lee", "practice": "North Family Practice",
                                        "phone": "555-0190"},
                  "indication": "CHRONIC_MIGRAINE",
                  "diagnosisCodes": ["G43.709"],
                  "clinicalDetails": {"headacheDaysPerMonth": %d, %s "migraineDaysPerMonth": 4, "symptomMonths": 24,
                                      "priorPreventiveClasses": ["BETA_BLOCKER", "ANTICONVULSANT"],
                                      "currentCgrpAntagonist": false},
                  "insurance": {"payerId": "AETNA", "payerName": "Aetna", "memberId": "W123456789", "groupNumber": "G-100",
                                "planType": "PPO"},
                  "urgency": "%s"
                }
                """.formatted(externalId, lastName, phone, headacheDays, hours, urgency);
    }
}
