package org.botoxclinic.scheduling.clinicday;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.TestClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database that already holds date-only appointments gives each of them a start time, a chair and an
 * injector: in booking order, dealt in turn to the default chair and injector pairs, one after the other from the
 * opening time, so that none overlaps another on a chair or an injector (the new exclusion constraints hold).
 */
class AppointmentTimesBackfillTest {

    private final EmbeddedPostgresServer.ServiceDatabase db =
            EmbeddedPostgresServer.get().createServiceDatabase("slots_backfill");

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(db.url(), db.owner(), db.ownerPassword())
                .locations("classpath:db/migration", "classpath:db/platform")
                .placeholders(Map.of("runtime_role", db.runtime(), "default_chairs", "2", "default_injectors", "2",
                        "default_opens_at", "09:00"))
                .outOfOrder(true)
                .target(target)
                .load();
    }

    private record Row(String name, int minutes, String status) {
    }

    @Test
    void shouldLayExistingAppointmentsOutOnTheDefaultChairsAndInjectorsWithoutOverlap() throws SQLException {
        flyway("5").migrate();
        LocalDate day = TestClock.today().plusDays(30);
        OffsetDateTime t = TestClock.now().minusDays(10);
        List<Row> rows = List.of(new Row("first", 30, "BOOKED"), new Row("second", 45, "FULFILLED"),
                new Row("cancelled", 30, "CANCELLED"), new Row("third", 15, "CHECKED_IN"), new Row("fourth", 30, "NOSHOW"),
                new Row("fifth", 20, "BOOKED"));
        List<UUID> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            try (PreparedStatement d = c.prepareStatement("""
                    insert into clinic_day (date, status, capacity_minutes, origin, created_at, updated_at)
                    values (?, 'OPEN', 720, 'STAFF', ?, ?)""")) {
                d.setObject(1, day);
                d.setObject(2, t);
                d.setObject(3, t);
                d.executeUpdate();
            }
            for (int i = 0; i < rows.size(); i++) {
                UUID referral = UUID.randomUUID();
                try (PreparedStatement p = c.prepareStatement("""
                        insert into treatment_plan (referral_id, patient_first_name, patient_last_name, patient_date_of_birth,
                            patient_sex, indication, status, created_at, updated_at)
                        values (?, 'Alex', 'Backfill', date '1984-05-17', 'female', 'CHRONIC_MIGRAINE', 'READY_TO_SCHEDULE',
                            ?, ?)""")) {
                    p.setObject(1, referral);
                    p.setObject(2, t);
                    p.setObject(3, t);
                    p.executeUpdate();
                }
                UUID id = UUID.randomUUID();
                ids.add(id);
                try (PreparedStatement a = c.prepareStatement("""
                        insert into appointment (id, referral_id, clinic_date, duration_minutes, status, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")) {
                    a.setObject(1, id);
                    a.setObject(2, referral);
                    a.setObject(3, day);
                    a.setInt(4, rows.get(i).minutes());
                    a.setString(5, rows.get(i).status());
                    a.setObject(6, t.plusMinutes(i));
                    a.setObject(7, t.plusMinutes(i));
                    a.executeUpdate();
                }
            }
        }

        flyway("latest").migrate();

        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            List<String> laid = new ArrayList<>();
            for (UUID id : ids) {
                try (PreparedStatement q = c.prepareStatement(
                        "select to_char(start_time, 'HH24:MI') || ' ' || chair || ' ' || provider_id from appointment where id = ?")) {
                    q.setObject(1, id);
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        laid.add(rs.getString(1));
                    }
                }
            }
            // Holding time in booking order, alternately on the two pairs: first (30) and third (15) on pair 1 after
            // each other, second (45) and fourth (30) on pair 2, fifth after first and third on pair 1; the
            // cancellation holds nothing and keeps the opening time on pair 1.
            assertEquals(List.of("09:00 chair-1 injector-1", "09:00 chair-2 injector-2", "09:00 chair-1 injector-1",
                    "09:30 chair-1 injector-1", "09:45 chair-2 injector-2", "09:45 chair-1 injector-1"), laid);
            try (ResultSet rs = c.createStatement().executeQuery("""
                    select count(*) from appointment a join appointment b on a.id < b.id and a.clinic_date = b.clinic_date
                     where a.status <> 'CANCELLED' and b.status <> 'CANCELLED'
                       and (a.chair = b.chair or a.provider_id = b.provider_id)
                       and clinic_minutes(a.start_time, a.duration_minutes) && clinic_minutes(b.start_time, b.duration_minutes)""")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }
}
