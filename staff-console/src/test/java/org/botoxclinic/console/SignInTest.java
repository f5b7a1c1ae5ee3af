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
                return Map.of("quarkus.rest-client.referral-service.url", "http://localhost:" + RealReferralService.freePort());
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
        Response response = given().formParam("role", "intake").post("/sign-in");
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").endsWith("/"), response.header("Location"));
        String cookie = response.header("Set-Cookie");
        assertTrue(cookie.startsWith("clinic_console_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.contains("Path=/"), cookie);
    }

    @Test
    void anUnknownRoleIsRefusedNextToTheChoice() {
        given().formParam("role", "superuser").post("/sign-in").then().statusCode(400)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue())
                .body(containsString("id=\"role-error\""));
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
        given().cookie("clinic_console_session", scheduler).get("/").then().statusCode(200)
                .body(containsString("Nothing here for your groups yet"))
                .body(not(containsString("href=\"/intake\"")));
        given().cookie("clinic_console_session", scheduler).get("/intake").then().statusCode(403)
                .body(containsString("Not for your groups"));

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
        Response response = given().cookie("clinic_console_session", sessionFor("intake")).post("/sign-out");
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Set-Cookie").contains("Max-Age=0"), response.header("Set-Cookie"));
    }

    @Test
    void everyAssetIsTheConsolesOwn() {
        given().get("/assets/htmx-2.0.8.min.js").then().statusCode(200);
        given().get("/assets/console.css").then().statusCode(200);
        given().get("/sign-in").then().header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    private static String sessionFor(String role) {
        return given().formParam("role", role).post("/sign-in").cookie("clinic_console_session");
    }
}
