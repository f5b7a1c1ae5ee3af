package org.botoxclinic.referral.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.Test;

/**
 * A token must be meant for the clinic's API (audience), recently issued (iat within the maximum age) and issued to
 * live no longer than that; each rule on both sides of its edge. The test profile's maximum is one hour.
 * Token times are the real clock's: smallrye-jwt checks them against the system clock, not the service's Clock.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class TokenVerificationTest {

    private static final Duration MAX_AGE = Duration.ofHours(1);

    @Test
    void aFreshTokenForTheClinicAudienceIsAccepted() {
        assertAnswer(claims(Instant.now(), MAX_AGE), 200);
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        assertAnswer(claims(Instant.now(), MAX_AGE).audience("billing-api"), 401);
    }

    @Test
    void aTokenWithoutAudienceIsRefused() {
        assertAnswer(claims(Instant.now(), MAX_AGE).remove("aud"), 401);
    }

    @Test
    void aTokenIssuedLongerAgoThanTheMaximumAgeIsRefusedThoughNotExpired() {
        Instant now = Instant.now();
        assertAnswer(claims(now.minus(MAX_AGE).minusSeconds(120), MAX_AGE.plusMinutes(10)), 401);
        assertAnswer(claims(now.minus(MAX_AGE).plusSeconds(120), MAX_AGE), 200);
    }

    @Test
    void aTokenIssuedToLiveLongerThanTheMaximumIsRefused() {
        assertAnswer(claims(Instant.now(), MAX_AGE.plusSeconds(60)), 401);
        assertAnswer(claims(Instant.now(), MAX_AGE), 200);
    }

    private static JwtClaimsBuilder claims(Instant issuedAt, Duration lifetime) {
        return DevTokens.claims("intake", null, issuedAt, lifetime);
    }

    private static void assertAnswer(JwtClaimsBuilder claims, int status) {
        var response = given().auth().oauth2(DevTokens.sign(claims)).get("/api/referrals").then().statusCode(status);
        if (status == 401) {
            response.contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
        }
    }
}
