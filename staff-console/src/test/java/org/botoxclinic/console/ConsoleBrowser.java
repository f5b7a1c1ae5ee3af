package org.botoxclinic.console;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.regex.Pattern;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headless Chromium (Debian's {@code /usr/bin/chromium}, never a downloaded one) for the console's browser tests, and
 * what every such test does: sign in as a role, scan a page with axe-core, take a screenshot.
 */
final class ConsoleBrowser implements AutoCloseable {

    /** Where the tests' screenshots go (README shows some of them, copied to docs/screenshots/staff-console/). */
    static final Path SCREENSHOTS = Paths.get("target/screenshots");

    private final Playwright playwright;
    final Browser browser;

    private ConsoleBrowser(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    static ConsoleBrowser launch() {
        Playwright playwright = Playwright.create();
        Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Paths.get("/usr/bin/chromium"))
                .setHeadless(true)
                .setChromiumSandbox(false)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost")));
        return new ConsoleBrowser(playwright, browser);
    }

    /** Development sign-in as {@code role} (intake, authorizations, scheduler, admin); lands on the role's first section. */
    static void signIn(Page page, String base, String role) {
        page.navigate(base + "/sign-in");
        page.getByLabel(Words.of(role)).check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).not().hasURL(Pattern.compile(".*/sign-in$"));
    }

    /** axe-core on the page as it is now: no serious or critical violation. */
    static void assertNoSeriousViolations(Page page, String what) {
        AxeResults results = new AxeBuilder(page).analyze();
        List<Rule> serious = results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .toList();
        assertTrue(serious.isEmpty(), () -> "axe-core on the " + what + " page: " + serious.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList());
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Whether the element has the keyboard focus. */
    static boolean focused(Locator locator) {
        return (Boolean) locator.evaluate("element => element === document.activeElement");
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** The role's label on the sign-in page ("scheduler" reads "Scheduler"). */
    private static final class Words {
        static String of(String role) {
            return Character.toUpperCase(role.charAt(0)) + role.substring(1);
        }
    }
}
