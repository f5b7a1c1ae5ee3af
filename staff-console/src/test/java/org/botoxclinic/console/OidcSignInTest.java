package org.botoxclinic.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URL;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import org.botoxclinic.testkit.DevTokens;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Production sign-in, in headless Chromium: the OIDC authorization-code flow with PKCE against an identity provider
 * (Quarkus' WireMock mock of Keycloak, realm {@code quarkus}), development sign-in off. A stranger is sent through the
 * provider's login form and back to {@code /sign-in/oidc}, lands on the section of the groups in their access token,
 * the console calls referral-service (a stub here) with that access token, an expired session is refreshed with the
 * refresh token, and signing out ends the session at the provider. Behind the TLS reverse proxy the provider is given
 * the public https address. Development sign-in signs nobody in.
 *
 * <p>The mock's login form ignores what is typed and its token endpoint answers every code with the same user
 * (alice, groups {@code user} and {@code admin}); the test makes its {@code /login} put the typed user name in the
 * code, and answers each user's code with that user's tokens (signed with the mock's key, {@code groups} in the access
 * token as Keycloak's group mapper puts them). Alice keeps the mock's own answer.
 */
@QuarkusTest
@TestProfile(OidcSignInTest.Production.class)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = OidcSignInTest.ReferralServiceStub.class, restrictToAnnotatedClass = true)
class OidcSignInTest extends ChromiumTest {

    static final String CLIENT_ID = "clinic-staff-console";
    /** At least 32 characters, as production's (openssl rand -base64 32): it also encrypts the state and session cookies. */
    static final String CLIENT_SECRET = "a-client-secret-of-forty-four-characters-xx";
    static final String REALM = "/auth/realms/quarkus";

    /** Production's sign-in: development sign-in off, OIDC on, against the mock provider. */
    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "clinic.dev-mode", "false",
                    "quarkus.oidc.tenant-enabled", "true",
                    "quarkus.oidc.auth-server-url", "${keycloak.url}/realms/quarkus",
                    "quarkus.oidc.client-id", CLIENT_ID,
                    "quarkus.oidc.credentials.secret", CLIENT_SECRET);
        }
    }

    /** Where the stand-in for referral-service is injected. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    @interface ReferralServiceMock {
    }

    /** referral-service's stand-in: answers the intake queue (empty) and records the requests it got. */
    public static class ReferralServiceStub implements QuarkusTestResourceLifecycleManager {
        private WireMockServer server;

        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
            server.start();
            server.stubFor(get(urlPathEqualTo("/api/referrals")).willReturn(aResponse()
                    .withHeader("Content-Type", "application/json").withBody("{\"items\":[],\"next\":null}")));
            return Map.of("quarkus.rest-client.referral-service.url", server.baseUrl());
        }

        @Override
        public void inject(TestInjector injector) {
            injector.injectIntoFields(server,
                    new TestInjector.AnnotatedAndMatchesType(ReferralServiceMock.class, WireMockServer.class));
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop();
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @OidcWireMock
    WireMockServer provider;
    @ReferralServiceMock
    WireMockServer referralService;
    @TestHTTPResource("/")
    URL console;

    @BeforeEach
    void provider() {
        // The login form's user name becomes the code, so that the token endpoint can answer as that user.
        provider.stubFor(get(urlPathEqualTo("/login")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "{{request.query.redirect_uri}}?state={{request.query.state}}&code={{request.query.username}}")
                .withTransformers("response-template")));
        // RP-initiated logout: the provider ends its session and sends the browser to post_logout_redirect_uri.
        provider.stubFor(get(urlPathEqualTo(REALM + "/protocol/openid-connect/end-session")).willReturn(aResponse()
                .withStatus(302).withHeader("Location", "{{request.query.post_logout_redirect_uri}}")
                .withTransformers("response-template")));
        provider.resetRequests();
        referralService.resetRequests();
    }

    @Test
    void aStrangerGoesThroughTheCodeFlowWithPkceAndLandsOnTheSectionOfTheirGroups() throws Exception {
        String accessToken = user("ines", Set.of("intake"));
        try (BrowserContext context = chromium.browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800))) {
            Page page = context.newPage();
            List<String> visited = Collections.synchronizedList(new ArrayList<>());
            page.onRequest(request -> {
                if (request.isNavigationRequest()) {
                    visited.add(request.url());
                }
            });

            page.navigate(base() + "/intake");
            // At the provider's login form, asked by the authorization request the console sent.
            assertThat(page.locator("#username")).isVisible();
            Map<String, String> authorization = query(page.url());
            assertTrue(page.url().startsWith(provider.baseUrl() + REALM + "?"), page.url());
            assertEquals("code", authorization.get("response_type"));
            assertEquals(CLIENT_ID, authorization.get("client_id"));
            assertEquals(base() + "/sign-in/oidc", authorization.get("redirect_uri"));
            assertEquals("S256", authorization.get("code_challenge_method"));
            String challenge = authorization.get("code_challenge");
            assertNotNull(challenge, page.url());
            assertTrue(authorization.get("scope").contains("openid"), authorization.get("scope"));

            page.locator("#username").fill("ines");
            page.locator("#password").fill("not-checked-by-the-mock");
            page.locator("#login").click();

            // Back on the console: the intake queue, the only section of group intake.
            assertThat(page).hasURL(base() + "/intake");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Intake queue"))).isVisible();
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
                    .getByRole(AriaRole.LINK)).hasText(new String[] {"Intake"});
            assertThat(page.locator(".who")).containsText("Signed in as ines");
            assertThat(page.locator(".who .groups")).hasText("(intake)");
            ConsoleBrowser.assertNoSeriousViolations(page, "intake queue after OIDC sign-in");

            // The way it went: /intake, sign-in, the provider, back to /sign-in/oidc with the code, then home.
            List<String> paths = visited.stream().map(this::consolePath).toList();
            assertEquals(List.of("/intake", "/sign-in", "/sign-in/oidc", "provider", "provider",
                    "/sign-in/oidc?code", "/sign-in/oidc", "/", "/intake"), paths, visited.toString());

            // PKCE: the token request carried the verifier whose S256 hash the authorization request carried, and the
            // client authenticated with its secret.
            ServeEvent tokenRequest = tokenRequest("ines");
            Map<String, String> form = query("?" + tokenRequest.getRequest().getBodyAsString());
            assertEquals("authorization_code", form.get("grant_type"));
            assertEquals(base() + "/sign-in/oidc", form.get("redirect_uri"));
            String verifier = form.get("code_verifier");
            assertNotNull(verifier, tokenRequest.getRequest().getBodyAsString());
            assertEquals(challenge, Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII))));
            assertEquals("Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)),
                    tokenRequest.getRequest().getHeader("Authorization"));

            // referral-service was called with the access token the provider issued (not the ID token).
            JsonNode issued = JSON.readTree(tokenRequest.getResponse().getBodyAsString());
            assertEquals(accessToken, issued.get("access_token").asText());
            assertEquals(List.of("Bearer " + accessToken), referralAuthorizations());
            assertNotEquals("Bearer " + issued.get("id_token").asText(), referralAuthorizations().get(0));
        }
    }

    @Test
    void theProvidersOwnUserInGroupAdminSeesEverySectionAndTheServicesGetTheirAccessToken() throws Exception {
        // alice: the mock's own answer to the code, an access token with groups user and admin.
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "alice");
            assertThat(page).hasURL(base() + "/intake");
            assertThat(page.locator(".who .groups")).hasText("(admin, user)");
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))
                    .getByRole(AriaRole.LINK)).hasText(new String[] {"Intake", "Authorizations", "Scheduling"});

            JsonNode issued = JSON.readTree(tokenRequest("alice").getResponse().getBodyAsString());
            String accessToken = issued.get("access_token").asText();
            JsonNode claims = claims(accessToken);
            assertEquals("Bearer", claims.get("typ").asText());
            assertEquals(Set.of("user", "admin"), Set.copyOf(JSON.convertValue(claims.get("groups"), List.class)));
            assertEquals(List.of("Bearer " + accessToken), referralAuthorizations());
        }
    }

    @Test
    void aUserWithoutAConsoleGroupIsToldThereIsNothingHereForThem() {
        user("bob", Set.of("user"));
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "bob");
            assertThat(page).hasURL(base() + "/");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Nothing here for your groups yet")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Sections"))).hasCount(0);
            assertThat(page.locator(".who")).containsText("Signed in as bob");
            ConsoleBrowser.assertNoSeriousViolations(page, "nothing-for-your-groups");

            page.navigate(base() + "/intake");
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not for your groups"))).isVisible();
            ConsoleBrowser.assertNoSeriousViolations(page, "not-for-your-groups");
            assertTrue(referralAuthorizations().isEmpty(), "no service was called for bob");
        }
    }

    @Test
    void signingOutEndsTheSessionAtTheProvider() {
        user("otto", Set.of("intake"));
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "otto");
            assertThat(page).hasURL(base() + "/intake");
            String idToken = idTokenIssued("otto");
            // The OIDC session cookie is Secure and HttpOnly, as the console's own cookies are.
            com.microsoft.playwright.options.Cookie session = context.cookies().stream()
                    .filter(cookie -> cookie.name.startsWith("q_session")).findFirst()
                    .orElseThrow(() -> new AssertionError("no OIDC session cookie"));
            assertTrue(session.secure, "q_session is Secure");
            assertTrue(session.httpOnly, "q_session is HttpOnly");

            List<String> posts = Collections.synchronizedList(new ArrayList<>());
            page.onRequest(request -> {
                if ("POST".equals(request.method())) {
                    posts.add(consolePath(request.url()) + " " + request.postData());
                }
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

            // The provider's end-session endpoint was asked to end the provider's session too (RP-initiated logout),
            // and sent the browser back to the console's sign-in, which starts a new sign-in at the provider.
            assertThat(page.locator("#username")).isVisible();
            assertEquals(1, posts.size(), posts.toString());
            assertTrue(posts.get(0).startsWith("/sign-out csrf-token="), posts.toString());
            ServeEvent endSession = provider.getAllServeEvents().stream()
                    .filter(event -> event.getRequest().getUrl().startsWith(REALM + "/protocol/openid-connect/end-session"))
                    .findFirst().orElseThrow(() -> new AssertionError("the provider's end-session endpoint was not called"));
            Map<String, String> logout = query(endSession.getRequest().getUrl());
            assertEquals(base() + "/sign-in", logout.get("post_logout_redirect_uri"));
            assertEquals(idToken, logout.get("id_token_hint"));
            assertFalse(context.cookies().stream().anyMatch(cookie -> cookie.name.startsWith("q_session")),
                    "the OIDC session cookie is gone: " + context.cookies().stream().map(cookie -> cookie.name).toList());

            // Nothing of the console without signing in again.
            referralService.resetRequests();
            page.navigate(base() + "/intake");
            assertThat(page.locator("#username")).isVisible();
            assertTrue(page.url().startsWith(provider.baseUrl()), page.url());
            assertTrue(referralAuthorizations().isEmpty());
        }
    }

    @Test
    void developmentSignInSignsNobodyIn() {
        // The sign-in page is the provider's: no choice of role.
        given().redirects().follow(false).get("/sign-in").then().statusCode(303)
                .header("Location", containsString("/sign-in/oidc"));

        // Even with a valid form token (taken from a signed-in page), choosing a role is not found.
        user("vera", Set.of("intake"));
        String csrfCookie;
        String csrfToken;
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "vera");
            csrfToken = page.locator("input[name=csrf-token]").first().getAttribute("value");
            csrfCookie = context.cookies().stream().filter(cookie -> cookie.name.equals("clinic_console_csrf"))
                    .map(cookie -> cookie.value).findFirst().orElseThrow();
        }
        referralService.resetRequests();
        Response chosen = given().redirects().follow(false).cookie("clinic_console_csrf", csrfCookie)
                .formParam("csrf-token", csrfToken).formParam("role", "admin").post("/sign-in");
        assertEquals(404, chosen.statusCode());
        assertTrue(chosen.headers().getValues("Set-Cookie").stream().noneMatch(header -> header.startsWith("clinic_console_session=")),
                chosen.headers().toString());

        // A development session cookie, signed with the development key, is not a session here.
        String devToken = DevTokens.forGroup("admin");
        given().redirects().follow(false).cookie("clinic_console_session", devToken).get("/intake").then().statusCode(303)
                .header("Location", containsString("/sign-in"));
        given().redirects().follow(false).cookie("clinic_console_session", devToken).get("/").then().statusCode(303)
                .header("Location", containsString("/sign-in"));
        assertTrue(referralAuthorizations().isEmpty());
    }

    @Test
    void anExpiredSessionIsRefreshedAndTheServicesGetTheNewAccessToken() {
        // Keycloak's access and ID tokens live minutes, a staff session hours: the console refreshes them.
        long expiresAt = Instant.now().getEpochSecond() + 6;
        String firstAccess = token("rosa", Set.of("intake"), "Bearer", Set.of("https://server.example.com"), expiresAt);
        String firstId = token("rosa", Set.of("intake"), "ID", Set.of(CLIENT_ID), expiresAt);
        provider.stubFor(post(urlEqualTo(REALM + "/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(matching("(.*&)?code=rosa(&.*)?"))
                .willReturn(tokens(firstAccess, firstId, "refresh-rosa")));
        String refreshedAccess = OidcWiremockTestResource.getAccessToken("rosa", Set.of("intake"));
        provider.stubFor(post(urlEqualTo(REALM + "/token"))
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=refresh-rosa"))
                .willReturn(tokens(refreshedAccess, OidcWiremockTestResource.getIdToken("rosa", Set.of("intake"), CLIENT_ID),
                        "refresh-rosa-2")));
        try (BrowserContext context = chromium.browser.newContext()) {
            Page page = signIn(context, "rosa");
            assertThat(page).hasURL(base() + "/intake");
            assertEquals(List.of("Bearer " + firstAccess), referralAuthorizations());

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Instant.now().getEpochSecond() > expiresAt + 1);
            referralService.resetRequests();
            page.navigate(base() + "/intake");

            // Still signed in, without the provider's login form: the tokens were refreshed with the refresh token.
            assertThat(page).hasURL(base() + "/intake");
            assertThat(page.locator(".who")).containsText("Signed in as rosa");
            assertTrue(provider.getAllServeEvents().stream().anyMatch(event -> event.getRequest().getUrl().equals(REALM + "/token")
                    && event.getRequest().getBodyAsString().contains("grant_type=refresh_token")), "a refresh grant was asked for");
            assertEquals(List.of("Bearer " + refreshedAccess), referralAuthorizations());
        }
    }

    @Test
    void behindTheReverseProxyThePublicHttpsAddressIsWhereTheProviderSendsTheUserBack() {
        // The TLS reverse proxy in front of the console (CLINIC_CONSOLE_URL) forwards plain HTTP with X-Forwarded-*.
        Response toSignIn = given().redirects().follow(false)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "clinic.example.org")
                .get("/intake");
        assertEquals(303, toSignIn.statusCode());
        assertEquals("https://clinic.example.org/sign-in", toSignIn.header("Location"));

        Response challenge = given().redirects().follow(false)
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "clinic.example.org")
                .get("/sign-in/oidc");
        assertEquals(302, challenge.statusCode(), challenge.headers().toString());
        Map<String, String> authorization = query(challenge.header("Location"));
        // The address registered at the provider for client clinic-staff-console: ${CLINIC_CONSOLE_URL}/sign-in/oidc.
        assertEquals("https://clinic.example.org/sign-in/oidc", authorization.get("redirect_uri"));
        List<String> stateCookies = challenge.headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("q_auth")).toList();
        assertFalse(stateCookies.isEmpty(), challenge.headers().toString());
        assertTrue(stateCookies.stream().map(header -> header.toLowerCase(java.util.Locale.ROOT))
                        .allMatch(header -> header.contains("; secure") && header.contains("; httponly")),
                stateCookies.toString());
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder tokens(String access, String id, String refresh) {
        return aResponse().withHeader("Content-Type", "application/json").withBody("{\"access_token\":\"" + access
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300,\"refresh_token\":\"" + refresh
                + "\",\"id_token\":\"" + id + "\"}");
    }

    /** A token as the mock provider signs them (its key, issuer and claims), ending at {@code expiresAt}. */
    private static String token(String name, Set<String> groups, String type, Set<String> audience, long expiresAt) {
        return Jwt.preferredUserName(name).groups(groups).issuer("https://server.example.com").audience(audience)
                .subject("123456").claim("typ", type).claim("sid", "session-id")
                .issuedAt(Instant.now().getEpochSecond()).expiresAt(expiresAt)
                .jws().keyId("1").sign("privateKey.jwk");
    }

    /** Makes the provider answer {@code name}'s code with tokens for {@code groups}; returns the access token. */
    private String user(String name, Set<String> groups) {
        String accessToken = OidcWiremockTestResource.getAccessToken(name, groups);
        String idToken = OidcWiremockTestResource.getIdToken(name, groups, CLIENT_ID);
        provider.stubFor(post(urlEqualTo(REALM + "/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(matching("(.*&)?code=" + name + "(&.*)?"))
                .willReturn(tokens(accessToken, idToken, "refresh-" + name)));
        return accessToken;
    }

    /** Through the provider's login form as {@code name}; the page is where the console sent the user after it. */
    private Page signIn(BrowserContext context, String name) {
        Page page = context.newPage();
        page.navigate(base() + "/");
        page.locator("#username").fill(name);
        page.locator("#password").fill("not-checked-by-the-mock");
        page.locator("#login").click();
        assertThat(page.locator(".who")).containsText("Signed in as " + name);
        return page;
    }

    private ServeEvent tokenRequest(String code) {
        return provider.getAllServeEvents().stream()
                .filter(event -> event.getRequest().getUrl().equals(REALM + "/token"))
                .filter(event -> code.equals(query("?" + event.getRequest().getBodyAsString()).get("code")))
                .findFirst().orElseThrow(() -> new AssertionError("no token request for the code " + code));
    }

    private String idTokenIssued(String code) {
        try {
            return JSON.readTree(tokenRequest(code).getResponse().getBodyAsString()).get("id_token").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Authorization headers referral-service received, oldest first. */
    private List<String> referralAuthorizations() {
        List<String> headers = new ArrayList<>(referralService.getAllServeEvents().stream()
                .map(event -> event.getRequest().getHeader("Authorization")).toList());
        Collections.reverse(headers);
        return headers;
    }

    private static JsonNode claims(String jwt) throws java.io.IOException {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    private String base() {
        return console.toString().replaceAll("/$", "");
    }

    /** A navigation as the test follows it: the console's path (with "?code" when it carries one), or "provider". */
    private String consolePath(String url) {
        if (url.startsWith(provider.baseUrl())) {
            return "provider";
        }
        String path = url.substring(base().length());
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query) + (query(path).containsKey("code") ? "?code" : "?");
    }

    private static Map<String, String> query(String url) {
        Map<String, String> parameters = new HashMap<>();
        int start = url.indexOf('?');
        if (start < 0) {
            return parameters;
        }
        for (String pair : url.substring(start + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }
}
