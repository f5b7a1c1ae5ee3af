package org.botoxclinic.console;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Development sign-in and what it lets a person see: the session cookie (HttpOnly, Secure, SameSite=Strict), strangers
 * sent to sign in, navigation and pages following the groups, an unreachable service explained in words.
 */
@QuarkusTest
@TestProfile(SignInTest.ReferralServiceAway.class)
class SignInTest {

    /** referral-service at an address where nothing listens. */
    public static class ReferralServiceAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("quarkus.rest-client.referral-service.url", "http://localhost:" + RealServices.freePort());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    static {
        RestAssured.config = RestAssured.config().redirect(RestAssured.config().getRedirectConfig().followRedirects(false));
    }

    @Test
    void theSignInPageOffersTheRoles() {
        given().get("/sign-in").then().statusCode(200)
                .body(containsString("name=\"role\" value=\"intake\""))
                .body(containsString("name=\"role\" value=\"authorizations\""))
                .body(containsString("name=\"role\" value=\"scheduler\""))
                .body(containsString("name=\"role\" value=\"admin\""));
    }

    @Test
    void signingInSetsAnHttpOnlySecureStrictSessionCookie() {
        Response response = signInForm().formParam("role", "intake").post("/sign-in");
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/"), response.header("Location"));
        String cookie = sessionCookieHeader(response);
        assertTrue(cookie.startsWith("clinic_console_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
    }

    @Test
    void anUnknownRoleIsRefusedNextToTheChoice() {
        Response response = signInForm().formParam("role", "superuser").post("/sign-in");
        response.then().statusCode(400).body(containsString("id=\"role-error\""));
        assertEquals(null, sessionCookieHeader(response));
    }

    @Test
    void strangersAndForgedCookiesAreSentToSignIn() {
        given().get("/intake").then().statusCode(303).header("Location", containsString("/sign-in"));
        given().get("/").then().statusCode(303).header("Location", containsString("/sign-in"));
        given().cookie("clinic_console_session", "not-a-token").get("/intake").then().statusCode(303)
                .header("Location", containsString("/sign-in"));
        // htmx requests are told to load the sign-in page as a whole.
        given().header("HX-Request", "true").get("/intake").then().statusCode(200).header("HX-Redirect", "/sign-in");
    }

    @Test
    void navigationAndPagesFollowTheGroups() {
        String scheduler = sessionFor("scheduler");
        given().cookie("clinic_console_session", scheduler).get("/").then().statusCode(303)
                .header("Location", containsString("/scheduling"));
        given().cookie("clinic_console_session", scheduler).get("/intake").then().statusCode(403)
                .body(containsString("Not for your groups"))
                .body(containsString("href=\"/scheduling\""))
                .body(not(containsString("href=\"/intake\"")));

        String intake = sessionFor("intake");
        given().cookie("clinic_console_session", intake).get("/").then().statusCode(303)
                .header("Location", containsString("/intake"));
    }

    @Test
    void anUnreachableServiceIsExplainedInWords() {
        given().cookie("clinic_console_session", sessionFor("admin")).get("/intake").then().statusCode(503)
                .body(containsString("referral-service is not answering"))
                .body(containsString("href=\"/intake\""));
        // Asked for by htmx (a filter applied in place), the browser is sent to load the address as a whole page.
        given().cookie("clinic_console_session", sessionFor("admin")).header("HX-Request", "true")
                .get("/intake?status=RECEIVED&triage=NEEDS_REVIEW").then().statusCode(200)
                .header("HX-Redirect", "/intake?status=RECEIVED&triage=NEEDS_REVIEW");
    }

    @Test
    void signingOutEndsTheSession() {
        Form form = Form.fetch("/sign-in");
        Response response = given().cookie("clinic_console_session", sessionFor("intake"))
                .cookie(Form.COOKIE, form.cookie()).formParam("csrf-token", form.token()).post("/sign-out");
        assertEquals(303, response.statusCode());
        assertTrue(sessionCookieHeader(response).contains("Max-Age=0"), sessionCookieHeader(response));
    }

    @Test
    void everyAssetIsTheConsolesOwn() {
        given().get("/assets/htmx-2.0.8.min.js").then().statusCode(200);
        given().get("/assets/console.css").then().statusCode(200);
        given().get("/sign-in").then().header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void aWriteWithoutTheFormsTokenChangesNothing() {
        // No token at all, or another form's token: refused, and no session is started.
        Response bare = given().formParam("role", "intake").post("/sign-in");
        assertEquals(400, bare.statusCode());
        assertTrue(bare.body().asString().contains("This form has expired or was not opened in this console"),
                bare.body().asString());
        assertEquals(null, sessionCookieHeader(bare));
        Form mine = Form.fetch("/sign-in");
        Form theirs = Form.fetch("/sign-in");
        Response forged = given().cookie(Form.COOKIE, mine.cookie()).formParam("csrf-token", theirs.token())
                .formParam("role", "admin").post("/sign-in");
        assertEquals(400, forged.statusCode());
        assertEquals(null, sessionCookieHeader(forged));
        // The matching pair is accepted.
        given().cookie(Form.COOKIE, mine.cookie()).formParam("csrf-token", mine.token()).formParam("role", "admin")
                .post("/sign-in").then().statusCode(303);
        // Signing out needs the token too: without it the session cookie is left alone.
        Response signOut = given().cookie("clinic_console_session", sessionFor("intake")).post("/sign-out");
        assertEquals(400, signOut.statusCode());
        assertEquals(null, sessionCookieHeader(signOut));
    }

    /** The Set-Cookie header of the session cookie, or null (the CSRF cookie is set beside it on many answers). */
    private static String sessionCookieHeader(Response response) {
        return response.headers().getValues("Set-Cookie").stream()
                .filter(header -> header.startsWith("clinic_console_session=")).findFirst().orElse(null);
    }

    /** The sign-in form's CSRF cookie and hidden field, as a browser gets them with the page. */
    record Form(String cookie, String token) {
        static final String COOKIE = "clinic_console_csrf";

        static Form fetch(String path) {
            Response page = given().get(path);
            java.util.regex.Matcher field = java.util.regex.Pattern
                    .compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(page.body().asString());
            assertTrue(field.find(), "the form carries its token");
            return new Form(page.cookie(COOKIE), field.group(1));
        }
    }

    private static io.restassured.specification.RequestSpecification signInForm() {
        Form form = Form.fetch("/sign-in");
        return given().cookie(Form.COOKIE, form.cookie()).formParam("csrf-token", form.token());
    }

    private static String sessionFor(String role) {
        return signInForm().formParam("role", role).post("/sign-in").cookie("clinic_console_session");
    }
}
