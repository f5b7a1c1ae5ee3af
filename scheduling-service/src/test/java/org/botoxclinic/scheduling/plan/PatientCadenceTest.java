package org.botoxclinic.scheduling.plan;

import static org.botoxclinic.scheduling.support.Fixtures.book;
import static org.botoxclinic.scheduling.support.Fixtures.booked;
import static org.botoxclinic.scheduling.support.Fixtures.openClinicDay;
import static org.botoxclinic.scheduling.support.Fixtures.readyPlan;
import static org.botoxclinic.scheduling.support.Fixtures.scheduler;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.support.Fixtures;
import org.botoxclinic.scheduling.support.TestDates;
import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The 84 days run per patient and indication: a second referral of the same patient for the same indication waits for
 * 84 days after a treatment given under the first (83 days refused, 84 allowed), on the plan, in the booking rule and in
 * the scheduler's queues; another indication does not wait; plans without a patient id keep their own cadence.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class PatientCadenceTest {

    @Inject
    EntityManager em;

    @BeforeEach
    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    @Test
    void shouldRunTheCadencePerPatientAndIndicationAcrossReferrals() {
        UUID patient = UUID.randomUUID();
        String name = "Cadence-" + UUID.randomUUID();
        UUID firstMigraine = plan("CHRONIC_MIGRAINE", name, patient);
        UUID secondMigraine = plan("CHRONIC_MIGRAINE", name, patient);
        UUID dystonia = plan("CERVICAL_DYSTONIA", name, patient);
        UUID withoutId = plan("CHRONIC_MIGRAINE", name, null);

        LocalDate treatedOn = TestDates.clinicDay(1);
        UUID appointment = booked(firstMigraine, treatedOn);
        TestClock.setToday(treatedOn);
        scheduler().body("{\"unitsAdministered\":155,\"unitsWasted\":0}").post("/api/appointments/" + appointment + "/complete")
                .then().statusCode(200);

        LocalDate earliest = treatedOn.plusDays(84);
        scheduler().get("/api/treatment-plans/" + secondMigraine).then().statusCode(200)
                .body("lastTreatmentDate", nullValue())
                .body("nextEligibleDate", equalTo(earliest.toString()));
        scheduler().get("/api/treatment-plans/" + firstMigraine).then().body("nextEligibleDate", equalTo(earliest.toString()));
        scheduler().get("/api/treatment-plans/" + dystonia).then().body("nextEligibleDate", equalTo(treatedOn.toString()));
        scheduler().get("/api/treatment-plans/" + withoutId).then().body("nextEligibleDate", equalTo(treatedOn.toString()));

        // The scheduler's queues read the same date from the indexed column.
        Map<String, Object> listed = Fixtures.allPages("/api/worklist?kind=ready-to-schedule", 50).stream()
                .filter(e -> secondMigraine.toString().equals(e.get("referralId"))).findFirst().orElseThrow();
        assertEquals(earliest.toString(), ((Map<?, ?>) listed.get("plan")).get("nextEligibleDate"));

        LocalDate dayBefore = earliest.minusDays(1);
        book(secondMigraine, dayBefore).statusCode(422).body("code", equalTo("TOO_SOON"))
                .body("earliestDate", equalTo(earliest.toString()))
                .body("lastTreatmentDate", equalTo(treatedOn.toString()));
        openClinicDay(earliest);
        book(secondMigraine, earliest).statusCode(201);
        booked(dystonia, TestDates.firstClinicDayAfter(treatedOn));
        booked(withoutId, TestDates.firstClinicDayAfter(treatedOn));
    }

    private UUID plan(String indication, String name, UUID patientId) {
        return readyPlan(em, indication, TestDates.validFrom(), TestDates.validTo(), 2, 310, null, name, patientId);
    }
}
