package org.botoxclinic.scheduling.support;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.persistence.EntityManager;

import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.botoxclinic.testkit.DevTokens;
import org.botoxclinic.testkit.TestClock;

/** Plans and clinic days set up directly, so that each test starts from the state it is about. */
public final class Fixtures {

    private Fixtures() {
    }

    public static RequestSpecification scheduler() {
        return given().auth().oauth2(DevTokens.forGroup("scheduler")).contentType(ContentType.JSON);
    }

    /** A plan authorized for the given window, visits and units, as the events would have left it. */
    public static UUID readyPlan(EntityManager em, String indication, LocalDate validFrom, LocalDate validTo, int visits,
                                 int units, LocalDate lastTreatment) {
        return readyPlan(em, indication, validFrom, validTo, visits, units, lastTreatment, "Pat-" + UUID.randomUUID());
    }

    public static UUID readyPlan(EntityManager em, String indication, LocalDate validFrom, LocalDate validTo, int visits,
                                 int units, LocalDate lastTreatment, String lastName) {
        return readyPlan(em, indication, validFrom, validTo, visits, units, lastTreatment, lastName, null);
    }

    /**
     * A plan of the patient with the given id (null: a plan from before patients had ids), as the events would have left
     * it; the cadence of the patient's plans is brought up to date as an acceptance would.
     */
    public static UUID readyPlan(EntityManager em, String indication, LocalDate validFrom, LocalDate validTo, int visits,
                                 int units, LocalDate lastTreatment, String lastName, UUID patientId) {
        UUID referralId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            var insert = em.createNativeQuery("""
                        insert into treatment_plan (referral_id, patient_first_name, patient_last_name, patient_date_of_birth,
                            patient_sex, indication, authorization_id, authorization_number, valid_from, valid_to,
                            approved_visits, approved_units, last_treatment_date, status, created_at, updated_at, patient_id)
                        values (?1, 'Alex', ?2, date '1984-05-17', 'female', ?3, ?4, 'AUTH-T', ?5, ?6, ?7, ?8, ?9,
                            'READY_TO_SCHEDULE', ?10, ?10, %s)""".formatted(patientId == null ? "null" : "cast(?11 as uuid)"))
                .setParameter(1, referralId)
                .setParameter(2, lastName)
                .setParameter(3, indication)
                .setParameter(4, UUID.randomUUID())
                .setParameter(5, validFrom)
                .setParameter(6, validTo)
                .setParameter(7, visits)
                .setParameter(8, units)
                .setParameter(9, lastTreatment)
                .setParameter(10, TestClock.now());
            if (patientId != null) {
                insert.setParameter(11, patientId.toString());
            }
            insert.executeUpdate();
            if (patientId != null) {
                Arc.container().instance(TreatmentPlanRepository.class).get().refreshCadence(patientId);
            }
        });
        return referralId;
    }

    public static UUID readyPlan(EntityManager em) {
        return readyPlan(em, "CHRONIC_MIGRAINE", TestDates.validFrom(), TestDates.validTo(), 2, 310, null);
    }

    /** Makes the date an open clinic day: a staff day, unless the rule (or another test) opened it already. */
    public static void openClinicDay(LocalDate date) {
        int status = scheduler().body("{\"date\":\"%s\",\"capacityMinutes\":%d}".formatted(date, 720))
                .post("/api/clinic-days").then().extract().statusCode();
        if (status != 201 && status != 409) {
            throw new AssertionError("opening clinic day " + date + " answered " + status);
        }
    }

    /** Opens an extra clinic day with the given chair minutes. */
    public static void clinicDay(LocalDate date, int capacityMinutes) {
        scheduler().body("{\"date\":\"%s\",\"capacityMinutes\":%d}".formatted(date, capacityMinutes))
                .post("/api/clinic-days").then().statusCode(201);
    }

    public static ValidatableResponse book(UUID referralId, LocalDate date) {
        return scheduler().body("{\"referralId\":\"%s\",\"date\":\"%s\"}".formatted(referralId, date))
                .post("/api/appointments").then();
    }

    public static UUID booked(UUID referralId, LocalDate date) {
        return UUID.fromString(book(referralId, date).statusCode(201).extract().path("id"));
    }

    /** Every item of a paged list, following {@code next} page by page with the given page size. */
    public static List<Map<String, Object>> allPages(String path, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            var request = scheduler().queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(path).then().statusCode(200).extract().jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("next");
        } while (cursor != null);
        return items;
    }
}
