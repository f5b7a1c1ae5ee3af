package org.botoxclinic.referral.timeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.botoxclinic.referral.referral.ReferralFixturesAccess;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.botoxclinic.testkit.TestClock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The PCP's timeline says when the appointment is: the day and the time, in the line and in its details. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class AppointmentTimeOnTimelineTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private void report(String type, String referralId, String payload) {
        KafkaProbe.send(kafka, "scheduling-events", referralId, payload,
                SampleEvents.headers(UUID.randomUUID(), type, "/scheduling-service", UUID.fromString(referralId)));
    }

    @Test
    void shouldShowTheAppointmentsTimeWhenBookedAndWhenMoved() {
        String partner = "pcp-time-" + UUID.randomUUID().toString().substring(0, 8);
        String token = DevTokens.forPartner(partner);
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
        given().auth().oauth2(DevTokens.forGroup("intake")).post("/api/referrals/" + id + "/accept").then().statusCode(200);

        OffsetDateTime now = TestClock.now();
        LocalDate day = TestClock.today().plusDays(21);
        LocalDate later = day.plusDays(28);
        OffsetDateTime startsAt = day.atTime(9, 30).atZone(TestClock.ZONE).toOffsetDateTime();
        OffsetDateTime movedTo = later.atTime(14, 15).atZone(TestClock.ZONE).toOffsetDateTime();
        String appointment = UUID.randomUUID().toString();
        report("AppointmentScheduled", id, """
                {"referralId":"%s","appointmentId":"%s","date":"%s","durationMinutes":30,"authorizationId":null,
                 "scheduledAt":"%s","startTime":"09:30:00","endTime":"10:00:00","chair":"chair-1",
                 "providerId":"injector-1","startsAt":"%s"}""".formatted(id, appointment, day, now.plusMinutes(1), startsAt));
        report("AppointmentRescheduled", id, """
                {"referralId":"%s","appointmentId":"%s","previousDate":"%s","date":"%s","rescheduledAt":"%s",
                 "previousStartTime":"09:30:00","startTime":"14:15:00","endTime":"14:45:00","chair":"chair-2",
                 "providerId":"injector-2","startsAt":"%s"}""".formatted(id, appointment, day, later, now.plusMinutes(2),
                movedTo));
        // A record from before appointments had times still reads as it always did.
        report("AppointmentRescheduled", id, """
                {"referralId":"%s","appointmentId":"%s","previousDate":"%s","date":"%s","rescheduledAt":"%s"}"""
                .formatted(id, appointment, later, later.plusDays(7), now.plusMinutes(3)));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(token).get("/api/referrals/" + id + "/timeline").then().statusCode(200)
                        .body("entries.findAll { it.type == 'APPOINTMENT_SCHEDULED' }.detail", contains(
                                "Appointment booked for " + day + " at 09:30",
                                "Appointment moved from " + day + " 09:30 to " + later + " at 14:15",
                                "Appointment moved from " + later + " to " + later.plusDays(7))));
        given().auth().oauth2(token).get("/api/referrals/" + id + "/timeline").then().statusCode(200)
                .body("entries.findAll { it.type == 'APPOINTMENT_SCHEDULED' }[0].details.startTime", equalTo("09:30"))
                .body("entries.findAll { it.type == 'APPOINTMENT_SCHEDULED' }[0].details.date", equalTo(day.toString()))
                .body("entries.findAll { it.type == 'APPOINTMENT_SCHEDULED' }[0].details.startsAt",
                        equalTo(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(startsAt)))
                .body("entries.findAll { it.type == 'APPOINTMENT_SCHEDULED' }[1].details.startTime", equalTo("14:15"))
                .body("entries.findAll { it.type == 'APPOINTMENT_SCHEDULED' }[1].details.chair", nullValue())
                .body("entries.findAll { it.type == 'APPOINTMENT_SCHEDULED' }[2].details", nullValue());
    }
}
