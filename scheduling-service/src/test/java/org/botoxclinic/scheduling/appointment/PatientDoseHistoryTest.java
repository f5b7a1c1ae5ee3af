package org.botoxclinic.scheduling.appointment;

import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Whose doses count, one completion after the other: a patient's plans under any spelling, a plan from before patients
 * had ids that carries the name of one of them, and, for such a plan, everything its namesake patient was given.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class PatientDoseHistoryTest {

    @Inject
    EntityManager em;

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldCountThePatientsDosesUnderEverySpellingAndThoseOfOlderPlansWithTheirName() {
        UUID patient = UUID.randomUUID();
        String name = "History-" + UUID.randomUUID();
        String otherSpelling = "Histroy-" + UUID.randomUUID();
        UUID underName = plan("CHRONIC_MIGRAINE", name, patient);
        UUID underOtherSpelling = plan("CERVICAL_DYSTONIA", otherSpelling, patient);
        UUID olderPlan = plan("SPASTICITY", name, null);
        UUID later = plan("BLEPHAROSPASM", otherSpelling, patient);
        UUID someoneElse = plan("CHRONIC_MIGRAINE", "Other-" + UUID.randomUUID(), null);
        LocalDate day = TestDates.clinicDay(1);
        UUID first = booked(underName, day);
        UUID second = booked(underOtherSpelling, day);
        UUID third = booked(olderPlan, day);
        UUID fourth = booked(later, day);
        UUID unrelated = booked(someoneElse, day);
        TestClock.setToday(day);

        complete(first, 100).statusCode(200);
        complete(second, 100).statusCode(200);
        // Without an id, recognised by name: the namesake patient's doses count, under either spelling.
        complete(third, 201).statusCode(422).body("code", equalTo("DOSE_LIMIT_EXCEEDED")).body("unitsAllowed", equalTo(200));
        complete(third, 150).statusCode(200);
        // With the id: its own plans under both spellings, and the older plan carrying one of its names.
        complete(fourth, 51).statusCode(422).body("code", equalTo("DOSE_LIMIT_EXCEEDED")).body("unitsAllowed", equalTo(50));
        complete(fourth, 50).statusCode(200);
        complete(unrelated, 400).statusCode(200);
    }

    private UUID plan(String indication, String lastName, UUID patientId) {
        return readyPlan(em, indication, TestDates.validFrom(), TestDates.validTo(), 2, 500, null, lastName, patientId);
    }

    private static ValidatableResponse complete(UUID appointment, int units) {
        return scheduler().body("{\"unitsAdministered\":%d,\"unitsWasted\":0}".formatted(units))
                .post("/api/appointments/" + appointment + "/complete").then();
    }
}
