package org.botoxclinic.scheduling.plan;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class TreatmentPlanFromEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    EntityManager em;

    private void referralAccepted(UUID eventId, UUID referralId) {
        KafkaProbe.send(kafka, "referral-events", referralId.toString(), SampleEvents.referralAccepted(referralId),
                SampleEvents.headers(eventId, "ReferralAccepted", "/referral-service", referralId));
    }

    private void authorizationApproved(UUID eventId, UUID referralId, UUID authorizationId) {
        KafkaProbe.send(kafka, "authorization-events", referralId.toString(),
                SampleEvents.authorizationApproved(referralId, authorizationId),
                SampleEvents.headers(eventId, "AuthorizationApproved", "/insurance-service", referralId));
    }

    private void awaitStatus(UUID referralId, String status) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/treatment-plans/" + referralId)
                        .then().statusCode(200).body("status", equalTo(status)));
    }

    @Test
    void shouldMakeAnAcceptedAndApprovedPatientReadyToSchedule() {
        UUID referralId = UUID.randomUUID();
        referralAccepted(UUID.randomUUID(), referralId);
        awaitStatus(referralId, "AWAITING_AUTHORIZATION");

        authorizationApproved(UUID.randomUUID(), referralId, UUID.randomUUID());
        awaitStatus(referralId, "READY_TO_SCHEDULE");
        given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/treatment-plans/" + referralId)
                .then().statusCode(200)
                .body("indication", equalTo("CHRONIC_MIGRAINE"))
                .body("patient.lastName", equalTo("Rivera"))
                .body("authorization.number", equalTo("AUTH-77"))
                .body("authorization.visitsRemaining", equalTo(2))
                .body("authorization.unitsRemaining", equalTo(310));
    }

    @Test
    void shouldBuildThePlanWhicheverEventArrivesFirstAndCountDuplicatesOnce() {
        UUID referralId = UUID.randomUUID();
        UUID approval = UUID.randomUUID();
        UUID acceptance = UUID.randomUUID();
        authorizationApproved(approval, referralId, UUID.randomUUID());
        awaitStatus(referralId, "READY_TO_SCHEDULE");
        referralAccepted(acceptance, referralId);
        authorizationApproved(approval, referralId, UUID.randomUUID());
        referralAccepted(acceptance, referralId);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertEquals(2, processed(approval, acceptance)));
        UUID marker = UUID.randomUUID();
        referralAccepted(UUID.randomUUID(), marker);
        awaitStatus(marker, "AWAITING_AUTHORIZATION");
        assertEquals(2, processed(approval, acceptance));
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from treatment_plan where referral_id = ?1")
                .setParameter(1, referralId).getSingleResult()).intValue()));
        given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/treatment-plans/" + referralId)
                .then().statusCode(200).body("status", equalTo("READY_TO_SCHEDULE")).body("patient.lastName", equalTo("Rivera"));
    }

    private int processed(UUID... eventIds) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = 'scheduling-service' and event_id in (?1, ?2)")
                .setParameter(1, eventIds[0]).setParameter(2, eventIds[1])
                .getSingleResult()).intValue());
    }

    @Test
    void shouldAdmitOnlySchedulers() {
        given().auth().oauth2(DevTokens.forPartner("pcp-north")).get("/api/treatment-plans/" + UUID.randomUUID())
                .then().statusCode(403);
        given().auth().oauth2(DevTokens.forGroup("scheduler")).get("/api/treatment-plans/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }
}
