package org.botoxclinic.referral.referral;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;

/** A valid partner referral to start from, and the calls the intake tests make. */
final class ReferralFixtures {

    static final ObjectMapper JSON = new ObjectMapper();
    /** A 42-year-old patient on the test clock's day: an adult, and plausible, whatever the day. */
    static final String ADULT_BIRTH_DATE = TestClock.today().minusYears(42).toString();

    private ReferralFixtures() {
    }

    static ObjectNode body(String externalId) {
        try {
            return (ObjectNode) JSON.readTree("""
                    {"externalReferralId":"%s",
                     "patient":{"firstName":"Alex","lastName":"Rivera","dateOfBirth":"%s","sex":"female","phone":"555-0100",
                                "email":"alex@example.org",
                                "address":{"line1":"12 Elm St","city":"Springfield","state":"IL","postalCode":"62701"}},
                     "referringProvider":{"npi":"1234567893","name":"Dr. Lee","practice":"North Family Practice","fax":"555-0199"},
                     "indication":"CHRONIC_MIGRAINE","diagnosisCodes":["G43.709"],
                     "clinicalDetails":{"headacheDaysPerMonth":20,"headacheHoursPerDay":6,"symptomMonths":24,
                                        "priorPreventiveClasses":["BETA_BLOCKER","ANTICONVULSANT"],"currentCgrpAntagonist":false},
                     "insurance":{"payerId":"AETNA","payerName":"Aetna","memberId":"W123456789"},
                     "urgency":"ROUTINE","notes":"Two preventives failed."}
                    """.formatted(externalId, ADULT_BIRTH_DATE));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String uniqueId() {
        return "EXT-" + UUID.randomUUID();
    }

    static ValidatableResponse submit(String partner, Object body) {
        return given().auth().oauth2(DevTokens.forPartner(partner)).contentType(ContentType.JSON).body(body.toString())
                .post("/api/referrals").then();
    }

    /** Submits and returns the new referral's id. */
    static String submitted(String partner, ObjectNode body) {
        return submit(partner, body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse act(String token, String id, String action, String body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post("/api/referrals/" + id + "/" + action).then();
    }
}
