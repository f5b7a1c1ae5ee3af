package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.insurance.authorization.Fixtures.approve;
import static org.botoxclinic.insurance.authorization.Fixtures.post;
import static org.botoxclinic.insurance.authorization.Fixtures.specialist;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;

import org.botoxclinic.insurance.authorization.CaseSupport.Opened;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuthorizationQueueTest {

    @Inject
    CaseSupport cases;

    @BeforeEach
    void resetClock() {
        TestClocks.reset();
    }

    private static RequestSpecification queue(String payer) {
        return given().auth().oauth2(specialist()).queryParam("payerId", payer);
    }

    private static Map<String, Object> override(boolean expedited) {
        return Map.of("channel", "PORTAL", "expedited", expedited, "override", true, "overrideReason", "notes attached");
    }

    @Test
    void shouldServeTheQueueMostUrgentFirstAndPageThroughItByCursor() {
        String payer = "QUEUE-" + UUID.randomUUID().toString().substring(0, 8);
        Opened pending = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        Opened standard = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(standard.caseId(), "submit", override(false)).statusCode(200);
        Opened expedited = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(expedited.caseId(), "submit", override(true)).statusCode(200);
        Opened approved = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(approved.caseId(), "submit", override(false)).statusCode(200);
        approve(approved.caseId(), "AUTH-Q", 310, 2, "2026-11-24", "2026-12-10").statusCode(200);
        Opened withdrawn = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(withdrawn.caseId(), "withdraw", Map.of("reason", "duplicate")).statusCode(200);
        List<String> mostUrgentFirst = List.of(expedited.caseId(), standard.caseId(), pending.caseId(), approved.caseId(),
                withdrawn.caseId());

        queue(payer).get("/api/authorizations").then().statusCode(200).body("id", equalTo(mostUrgentFirst));

        List<String> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = queue(payer).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get("/api/authorizations");
            page.then().statusCode(200);
            paged.addAll(page.jsonPath().getList("id"));
            cursor = page.header("X-Next-Cursor");
            if (cursor != null) {
                assertNotNull(page.header("Link"));
            }
            pages++;
        } while (cursor != null);
        assertEquals(mostUrgentFirst, paged);
        assertEquals(3, pages);

        queue(payer).queryParam("status", "SUBMITTED").get("/api/authorizations").then()
                .body("id", contains(expedited.caseId(), standard.caseId()));
        queue(payer).queryParam("status", "pending_submission,WITHDRAWN").get("/api/authorizations").then()
                .body("id", contains(pending.caseId(), withdrawn.caseId()));
        queue(payer).queryParam("indication", "CERVICAL_DYSTONIA").get("/api/authorizations").then().body("$", empty());
        given().auth().oauth2(specialist()).queryParam("referralId", pending.referralId()).get("/api/authorizations")
                .then().body("id", contains(pending.caseId()));

        queue(payer).queryParam("overdue", true).get("/api/authorizations").then().body("$", empty());
        TestClocks.CLOCK.set(Instant.parse("2026-11-27T12:01:00Z"));
        queue(payer).queryParam("overdue", true).get("/api/authorizations").then()
                .body("id", contains(expedited.caseId())).body("[0].overdue", equalTo(true));

        // 2026-11-27 in the clinic; the approval's last day, 2026-12-10, is 13 days away.
        queue(payer).queryParam("expiringWithinDays", 13).get("/api/authorizations").then()
                .body("id", contains(approved.caseId()));
        queue(payer).queryParam("expiringWithinDays", 12).get("/api/authorizations").then().body("$", empty());
    }

    @Test
    void shouldNameTheQueryParameterItCannotUse() {
        given().auth().oauth2(specialist()).queryParam("status", "LOST").get("/api/authorizations")
                .then().statusCode(400).body("violations.field", contains("status"));
        given().auth().oauth2(specialist()).queryParam("cursor", "garbage").get("/api/authorizations")
                .then().statusCode(400).body("violations.field", contains("cursor"));
        given().auth().oauth2(specialist()).queryParam("referralId", "not-a-uuid").get("/api/authorizations")
                .then().statusCode(400).body("violations.field", contains("referralId"));
        given().auth().oauth2(specialist()).queryParam("limit", 0).get("/api/authorizations").then().statusCode(400);
        given().auth().oauth2(specialist()).queryParam("limit", 501).get("/api/authorizations").then().statusCode(400);
        given().auth().oauth2(specialist()).queryParam("limit", 500).get("/api/authorizations").then().statusCode(200);
        given().auth().oauth2(specialist()).queryParam("expiringWithinDays", -1).get("/api/authorizations")
                .then().statusCode(400).body("violations.field", hasItem(org.hamcrest.Matchers.endsWith("expiringWithinDays")));
        Response last = given().auth().oauth2(specialist()).queryParam("expiringWithinDays", 0).get("/api/authorizations");
        last.then().statusCode(200);
        assertNull(last.header("X-Next-Cursor"));
    }
}
