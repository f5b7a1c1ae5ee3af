package org.botoxclinic.referral.referral;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.referral.referral.ReferralFixtures.body;
import static org.botoxclinic.referral.referral.ReferralFixtures.submit;
import static org.botoxclinic.referral.referral.ReferralFixtures.uniqueId;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A partner's referral submissions are limited per period on the test clock: the limit is accepted, one more is
 * refused with 429, Retry-After and nothing stored, and the partner is admitted again once the wait is over; other
 * partners and intake staff are not affected.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
@TestProfile(IntakeRateLimitTest.ThreePerMinute.class)
class IntakeRateLimitTest {

    static final int LIMIT = 3;
    static final Duration PERIOD = Duration.ofMinutes(1);

    public static class ThreePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.intake.rate-limit.requests", String.valueOf(LIMIT),
                    "clinic.intake.rate-limit.period", "1m");
        }
    }

    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldRefuseThePartnerOverItsLimitUntilTheWaitIsOver() {
        String partner = "pcp-busy-" + uniqueId();
        for (int i = 0; i < LIMIT; i++) {
            submit(partner, body(uniqueId())).statusCode(201);
        }

        String refused = uniqueId();
        submit(partner, body(refused)).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", "20")
                .body("code", equalTo("RATE_LIMITED"))
                .body("limit", equalTo(LIMIT))
                .body("periodSeconds", equalTo(60))
                .body("detail", containsString("at most 3 referrals per minute per partner"));
        assertEquals(0, stored(refused), "a refused submission stores nothing");

        TestClock.advance(Duration.ofSeconds(20).minusMillis(1));
        submit(partner, body(refused)).statusCode(429).header("Retry-After", "1");
        TestClock.advance(Duration.ofMillis(1));
        submit(partner, body(refused)).statusCode(201);
        assertEquals(1, stored(refused));
    }

    @Test
    void shouldAdmitTheWholeLimitAgainAfterThePeriod() {
        String partner = "pcp-batch-" + uniqueId();
        for (int i = 0; i < LIMIT; i++) {
            submit(partner, body(uniqueId())).statusCode(201);
        }
        submit(partner, body(uniqueId())).statusCode(429);

        TestClock.advance(PERIOD);

        for (int i = 0; i < LIMIT; i++) {
            submit(partner, body(uniqueId())).statusCode(201);
        }
        submit(partner, body(uniqueId())).statusCode(429);
    }

    @Test
    void shouldNotLimitAnotherPartnerOrIntakeStaff() {
        String busy = "pcp-busy-" + uniqueId();
        for (int i = 0; i < LIMIT; i++) {
            submit(busy, body(uniqueId())).statusCode(201);
        }
        submit(busy, body(uniqueId())).statusCode(429);

        String other = "pcp-quiet-" + uniqueId();
        for (int i = 0; i < LIMIT; i++) {
            submit(other, body(uniqueId())).statusCode(201);
        }
        for (int i = 0; i < LIMIT + 1; i++) {
            var phoned = body("ignored");
            phoned.remove("externalReferralId");
            given().auth().oauth2(DevTokens.forGroup("intake")).contentType(ContentType.JSON).body(phoned.toString())
                    .post("/api/referrals").then().statusCode(201);
        }
    }

    @Test
    void shouldCountRefusedInvalidSubmissionsToo() {
        String partner = "pcp-sloppy-" + uniqueId();
        var invalid = body(uniqueId());
        invalid.remove("indication");
        for (int i = 0; i < LIMIT; i++) {
            submit(partner, invalid).statusCode(400);
        }
        String valid = uniqueId();
        submit(partner, body(valid)).statusCode(429);
        assertEquals(0, stored(valid));
    }

    private long stored(String externalId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from referral where external_referral_id = ?1").setParameter(1, externalId)
                .getSingleResult()).longValue());
    }
}
