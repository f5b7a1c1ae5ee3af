package org.botoxclinic.insurance.authorization;

import static io.restassured.RestAssured.given;
import static org.botoxclinic.insurance.authorization.Fixtures.approve;
import static org.botoxclinic.insurance.authorization.Fixtures.post;
import static org.botoxclinic.insurance.authorization.Fixtures.specialist;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuthorizationQueueTest {

    @Inject
    CaseSupport cases;

    @BeforeEach
    void resetClock() {
        TestClock.reset();
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
        // The expedited request (72 hours) is overdue a minute after its due time; on that clinic day, the
        // approval's last good day is 13 days away.
        OffsetDateTime expeditedLate = TestClock.now().plusHours(72).plusMinutes(1);
        LocalDate thatDay = expeditedLate.atZoneSameInstant(TestClock.ZONE).toLocalDate();
        LocalDate lastGoodDay = thatDay.plusDays(13);
        Opened pending = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        Opened standard = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(standard.caseId(), "submit", override(false)).statusCode(200);
        Opened expedited = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(expedited.caseId(), "submit", override(true)).statusCode(200);
        Opened approved = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(approved.caseId(), "submit", override(false)).statusCode(200);
        approve(approved.caseId(), "AUTH-Q", 310, 2, TestClock.today(), lastGoodDay).statusCode(200);
        Opened withdrawn = cases.open("CHRONIC_MIGRAINE", payer, CaseSupport.fullMigraineDetails());
        post(withdrawn.caseId(), "withdraw", Map.of("reason", "duplicate")).statusCode(200);
        List<String> mostUrgentFirst = List.of(expedited.caseId(), standard.caseId(), pending.caseId(), approved.caseId(),
                withdrawn.caseId());

        queue(payer).get("/api/authorizations").then().statusCode(200)
                .body("items.id", equalTo(mostUrgentFirst))
                .body("next", nullValue());

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
            paged.addAll(page.jsonPath().getList("items.id"));
            cursor = page.jsonPath().getString("next");
            pages++;
        } while (cursor != null);
        assertEquals(mostUrgentFirst, paged);
        assertEquals(3, pages);

        queue(payer).queryParam("status", "SUBMITTED").get("/api/authorizations").then()
                .body("items.id", contains(expedited.caseId(), standard.caseId()));
        queue(payer).queryParam("status", "pending_submission,WITHDRAWN").get("/api/authorizations").then()
                .body("items.id", contains(pending.caseId(), withdrawn.caseId()));
        queue(payer).queryParam("indication", "CERVICAL_DYSTONIA").get("/api/authorizations").then()
                .body("items", empty()).body("next", nullValue());
        given().auth().oauth2(specialist()).queryParam("referralId", pending.referralId()).get("/api/authorizations")
                .then().body("items.id", contains(pending.caseId()));

        queue(payer).queryParam("overdue", true).get("/api/authorizations").then().body("items", empty());
        TestClock.set(expeditedLate.toInstant());
        queue(payer).queryParam("overdue", true).get("/api/authorizations").then()
                .body("items.id", contains(expedited.caseId())).body("items[0].overdue", equalTo(true));

        queue(payer).queryParam("expiringWithinDays", 13).get("/api/authorizations").then()
                .body("items.id", contains(approved.caseId()));
        queue(payer).queryParam("expiringWithinDays", 12).get("/api/authorizations").then().body("items", empty());
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
        given().auth().oauth2(specialist()).queryParam("expiringWithinDays", 0).get("/api/authorizations")
                .then().statusCode(200).body("next", nullValue());
        // A cursor of another list is not this queue's either.
        given().auth().oauth2(specialist()).queryParam("cursor", org.botoxclinic.platform.paging.Cursor.of("appointments", 1)
                .encode()).get("/api/authorizations").then().statusCode(400).body("violations.field", contains("cursor"));
    }
}
