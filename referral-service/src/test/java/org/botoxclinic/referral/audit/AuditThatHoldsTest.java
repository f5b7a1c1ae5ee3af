package org.botoxclinic.referral.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.botoxclinic.referral.referral.ReferralFixturesAccess;
import org.botoxclinic.testkit.AuditTrailPrivileges;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The audit trail holds: a partner refused another partner's referral is on it (DENIED, ids only), every read of
 * the trail is on it, and the service's own database login can only add to it and read it.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AuditThatHoldsTest {

    private static final String ADMIN = DevTokens.forGroup("admin");

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void shouldRecordEveryLookupOfAnotherPartnersReferralAsDeniedWithIdsOnly() {
        String owner = DevTokens.forPartner("pcp-owner");
        String other = DevTokens.forPartner("pcp-other");
        String id = given().auth().oauth2(owner).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");

        given().auth().oauth2(other).get("/api/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(other).get("/api/referrals/" + id + "/timeline").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"reason\":\"not ours\"}")
                .post("/api/referrals/" + id + "/cancel").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"answer\":\"see chart\"}")
                .post("/api/referrals/" + id + "/info").then().statusCode(404);
        // The owner's own read is allowed, and nothing the other partner tried changed the referral.
        given().auth().oauth2(owner).get("/api/referrals/" + id).then().statusCode(200).body("status", equalTo("RECEIVED"));

        String trail = given().auth().oauth2(ADMIN).queryParam("referralId", id).get("/api/audit")
                .then().statusCode(200)
                .body("items.findAll { it.outcome == 'DENIED' }.action", contains("READ", "READ", "CANCEL", "PROVIDE_INFO"))
                .body("items.findAll { it.outcome == 'DENIED' }.partnerId", everyItem(equalTo("pcp-other")))
                .body("items.findAll { it.outcome == 'DENIED' }.actor", everyItem(equalTo("partner-pcp-other")))
                .body("items.findAll { it.outcome == 'DENIED' }.resourceId", everyItem(equalTo(id)))
                .body("items.findAll { it.outcome == 'DENIED' }.referralId", everyItem(equalTo(id)))
                .body("items.findAll { it.outcome == 'ALLOWED' }.action", contains("CREATE", "READ"))
                .body("items.findAll { it.outcome == 'ALLOWED' }.partnerId", everyItem(equalTo("pcp-owner")))
                .extract().asString();
        for (String patientValue : List.of("Alex", "Rivera", "555-0100", "alex@example.org", "W123456789")) {
            org.hamcrest.MatcherAssert.assertThat(trail, not(containsString(patientValue)));
        }
    }

    @Test
    void shouldRecordNoDenialWhenTheReferralDoesNotExist() {
        UUID missing = UUID.randomUUID();
        given().auth().oauth2(DevTokens.forPartner("pcp-other")).get("/api/referrals/" + missing).then().statusCode(404);
        given().auth().oauth2(ADMIN).queryParam("referralId", missing).get("/api/audit")
                .then().statusCode(200).body("items.outcome", not(hasItem("DENIED")));
    }

    @Test
    void shouldRecordEveryReadOfTheAuditTrail() {
        UUID referral = UUID.randomUUID();
        given().auth().oauth2(ADMIN).queryParam("referralId", referral).get("/api/audit")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.empty());
        given().auth().oauth2(ADMIN).queryParam("referralId", referral).get("/api/audit")
                .then().statusCode(200)
                .body("items.action", contains("READ"))
                .body("items[0].resourceType", equalTo("audit-trail"))
                .body("items[0].resourceId", equalTo(referral.toString()))
                .body("items[0].actor", equalTo("admin-user"))
                .body("items[0].outcome", equalTo("ALLOWED"));
        // A read of the whole trail is recorded under "all", and a refused reader (403) reads nothing.
        given().auth().oauth2(DevTokens.forGroup("intake")).get("/api/audit").then().statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("limit", 1000).get("/api/audit").then().statusCode(200);
        given().auth().oauth2(ADMIN).queryParam("limit", 1000).get("/api/audit").then().statusCode(200)
                .body("items.findAll { it.resourceType == 'audit-trail' && it.resourceId == 'all' }.actor",
                        hasItem("admin-user"))
                .body("items.findAll { it.resourceType == 'audit-trail' }.actor", not(hasItem("intake-user")));
    }

    @Test
    void shouldLetTheServicesOwnLoginOnlyAddToAndReadTheAuditTrail() throws Exception {
        AuditTrailPrivileges.assertHeldFor(url, user, password);
        // The service itself works as that login: it writes a referral and its audit entry.
        given().auth().oauth2(DevTokens.forPartner("pcp-owner")).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201);
    }
}
