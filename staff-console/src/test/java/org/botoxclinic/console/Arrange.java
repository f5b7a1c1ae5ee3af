package org.botoxclinic.console;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import org.botoxclinic.testkit.DevTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a browser test needs before its own section's pages, arranged through the services' public APIs (as the other
 * desks would have done it): run-unique patient names, a referral accepted and approved until scheduling-service holds
 * its plan ready to schedule, a clinic day open.
 */
final class Arrange {

    /** The clinic's zone: the services run on the real clock, so "today" is the clinic's today. */
    static final ZoneId CLINIC_ZONE = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HAND_OVER = Duration.ofSeconds(30);

    private Arrange() {
    }

    /** Letters only (a patient's name takes no digits), different on every run: "Qxkfmwpa". */
    static String runName() {
        StringBuilder name = new StringBuilder("Q");
        for (int i = 0; i < 7; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    /**
     * The partner's referral (a submission's JSON) accepted by intake, submitted to the payer with an override and
     * approved from today for six months (310 units, 2 visits), until scheduling-service lists its plan as ready to
     * schedule; the referral's id.
     */
    static String readyToSchedule(String submission) throws Exception {
        String referralId = RealServices.submit(submission);
        expect(200, send("referral-service", "POST", "/api/referrals/" + referralId + "/accept", "intake", null));
        String caseId = await().atMost(HAND_OVER).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode items = json(send("insurance-service", "GET", "/api/authorizations?referralId=" + referralId,
                    "authorizations", null)).path("items");
            return items.size() == 1 && "PENDING_SUBMISSION".equals(items.get(0).path("status").asText())
                    ? items.get(0).path("id").asText() : null;
        }, id -> id != null);
        expect(200, send("insurance-service", "POST", "/api/authorizations/" + caseId + "/submit", "authorizations",
                "{\"channel\":\"PORTAL\",\"expedited\":false,\"override\":true,"
                        + "\"overrideReason\":\"documentation on file with the referring practice\"}"));
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        expect(200, send("insurance-service", "POST", "/api/authorizations/" + caseId + "/decision", "authorizations", """
                {"outcome":"APPROVED","authorizationNumber":"AUTH-%s","approvedUnits":310,"approvedVisits":2,
                 "validFrom":"%s","validTo":"%s"}""".formatted(caseId.substring(0, 8), today, today.plusMonths(6))));
        // Ready, and the acceptance heard as well: the two events travel on different topics, so the approval may
        // make the plan ready before the acceptance brings the patient's id and contact details.
        await().atMost(HAND_OVER).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode plan = json(send("scheduling-service", "GET", "/api/treatment-plans/" + referralId, "scheduler", null));
            return "READY_TO_SCHEDULE".equals(plan.path("status").asText()) && plan.hasNonNull("patientId");
        });
        return referralId;
    }

    /** Opens {@code date} as a clinic day, unless it is one already (another test's, or the clinic's own rule). */
    static void clinicDay(LocalDate date, int capacityMinutes) throws Exception {
        HttpResponse<String> response = send("scheduling-service", "POST", "/api/clinic-days", "scheduler",
                "{\"date\":\"" + date + "\",\"capacityMinutes\":" + capacityMinutes + "}");
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            throw new IllegalStateException("clinic day " + date + " refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** One call to a service's public API as a member of {@code group}. */
    static HttpResponse<String> send(String service, String method, String path, String group, String body)
            throws Exception {
        return RealServices.send(service, method, path, DevTokens.forGroup(group), body);
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static void expect(int status, HttpResponse<String> response) {
        assertEquals(status, response.statusCode(), response.body());
    }
}
