package org.botoxclinic.systemtest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.restassured.http.ContentType;

import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quick scenarios of the fault suite (bench/faults.sh) inside {@code ./mvnw verify}: a consuming service killed
 * with SIGKILL in the middle of a stream of accepted referrals, then started again, loses and doubles nothing.
 */
class ServiceCrashIT {

    private static final int STREAM = 30;

    private static ClinicSystem clinic;

    @BeforeAll
    static void startClinic() throws Exception {
        clinic = ClinicSystem.start();
    }

    @AfterAll
    static void stopClinic() {
        if (clinic != null) {
            clinic.close();
        }
    }

    @Test
    void shouldOpenOneCaseAndOnePlanPerReferralWhenEachConsumerIsKilledMidStream() throws Exception {
        List<UUID> referrals = new ArrayList<>();
        for (int i = 1; i <= STREAM; i++) {
            UUID referral = UUID.fromString(refer("CRASH-" + UUID.randomUUID()));
            accept(referral);
            referrals.add(referral);
            // Killed while the events just published are in its hands; the stream goes on while it is down.
            if (i == STREAM / 3) {
                clinic.insurance.kill();
            } else if (i == STREAM / 3 + 3) {
                clinic.insurance.startAgain();
            } else if (i == 2 * STREAM / 3) {
                clinic.scheduling.kill();
            } else if (i == 2 * STREAM / 3 + 3) {
                clinic.scheduling.startAgain();
            }
        }

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                casesOf(referrals) == STREAM && plansOf(referrals) == STREAM);
        // A doubled event would show up a moment later than the first: the counts must hold for 2 s.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                .until(() -> casesOf(referrals) == STREAM && plansOf(referrals) == STREAM);

        long lostCases = referrals.stream().filter(r -> rows("insurance-service", "authorization_case", r) == 0).count();
        long doubledCases = referrals.stream().mapToLong(r -> Math.max(0, rows("insurance-service", "authorization_case", r) - 1)).sum();
        long lostPlans = referrals.stream().filter(r -> rows("scheduling-service", "treatment_plan", r) == 0).count();
        long doubledPlans = referrals.stream().mapToLong(r -> Math.max(0, rows("scheduling-service", "treatment_plan", r) - 1)).sum();
        System.out.printf("kill -9 mid-stream (insurance, then scheduling): %d referrals accepted; cases lost %d, doubled %d;"
                + " plans lost %d, doubled %d%n", STREAM, lostCases, doubledCases, lostPlans, doubledPlans);
        assertEquals(0, lostCases, "referrals left without an authorization case");
        assertEquals(0, doubledCases, "authorization cases opened twice");
        assertEquals(0, lostPlans, "referrals left without a treatment plan");
        assertEquals(0, doubledPlans, "treatment plans started twice");
    }

    private long casesOf(List<UUID> referrals) {
        return clinic.count("insurance-service",
                "select count(distinct referral_id) from authorization_case where referral_id = any(?::uuid[])", array(referrals));
    }

    private long plansOf(List<UUID> referrals) {
        return clinic.count("scheduling-service",
                "select count(distinct referral_id) from treatment_plan where referral_id = any(?::uuid[])", array(referrals));
    }

    private static long rows(String service, String table, UUID referral) {
        return clinic.count(service, "select count(*) from " + table + " where referral_id = ?", referral);
    }

    /** A PostgreSQL array literal, cast in the query: {@code {id,id,...}}. */
    private static String array(List<UUID> referrals) {
        return "{" + String.join(",", referrals.stream().map(UUID::toString).toList()) + "}";
    }

    private static String refer(String externalId) {
        String body = """
                {"externalReferralId":"%s",
                 "patient":{"firstName":"Robin","lastName":"Achebe","dateOfBirth":"1981-07-09","sex":"female","phone":"555-0177"},
                 "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice"},
                 "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                 "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W555000111"},
                 "urgency":"ROUTINE"}
                """.formatted(externalId);
        return given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forPartner("pcp-north"))
                .contentType(ContentType.JSON).body(body)
                .post("/api/referrals")
                .then().statusCode(201).extract().path("id");
    }

    private static void accept(UUID referralId) {
        given().baseUri(clinic.referral.baseUrl()).auth().oauth2(DevTokens.forGroup("intake"))
                .post("/api/referrals/" + referralId + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }
}
