package org.botoxclinic.console;

import com.microsoft.playwright.Browser;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * A test class that drives one headless Chromium ({@link ConsoleBrowser}): launched before the class's first test,
 * closed after its last. Each test opens its own browser context on it.
 */
abstract class ChromiumTest {

    static ConsoleBrowser chromium;
    static Browser browser;

    @BeforeAll
    static void launchChromium() {
        chromium = ConsoleBrowser.launch();
        browser = chromium.browser;
    }

    @AfterAll
    static void closeChromium() {
        if (chromium != null) {
            chromium.close();
            chromium = null;
            browser = null;
        }
    }
}
