package org.botoxclinic.referral.patient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.botoxclinic.testkit.TestClock;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database that already holds referrals gives each of them a patient by the rules intake applies, in the
 * order they arrived: the same person once however the name is written, a different person on any differing key.
 */
class PatientBackfillTest {

    private static final String INSERT = """
            insert into referral (id, source, status, indication, urgency, urgency_rank, diagnosis_codes, patient_first_name,
                                  patient_last_name, patient_date_of_birth, patient_sex, patient_phone, provider_npi,
                                  provider_name, insurance_payer_id, insurance_payer_name, insurance_member_id, stage,
                                  created_at, updated_at)
            values (?, 'PARTNER', 'RECEIVED', 'CHRONIC_MIGRAINE', 'ROUTINE', 1, '{G43.709}', ?, ?, ?, 'FEMALE', ?,
                    '1234567893', 'Dr. Lee', 'AETNA', 'Aetna', ?, 'IN_TRIAGE', ?, ?)""";

    private final EmbeddedPostgresServer.ServiceDatabase db = EmbeddedPostgresServer.get().createServiceDatabase("backfill");

    private Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(db.url(), db.owner(), db.ownerPassword())
                .locations("classpath:db/migration", "classpath:db/platform")
                .placeholders(Map.of("runtime_role", db.runtime()))
                .outOfOrder(true)
                .target(target)
                .load();
    }

    @Test
    void shouldGiveEveryExistingReferralAPatientByTheIntakeRules() throws SQLException {
        flyway("4.4").migrate();
        LocalDate born = TestClock.today().minusYears(40);
        OffsetDateTime t = TestClock.now().minusDays(30);
        Map<String, UUID> referrals = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword());
             PreparedStatement insert = c.prepareStatement(INSERT)) {
            Object[][] rows = {
                    // name, surname, birth date, phone, member id
                    {"first", "José", "O'Neil", born, "555-010-0001", "W-100"},
                    {"refolded", "JOSE", "oneil", born, "555-999-0000", "w100"},
                    {"byPhone", "Pepe", "Other", born, "+1 (555) 010-0001", "X-1"},
                    {"otherDay", "José", "O'Neil", born.minusDays(1), "555-010-0001", "W-100"},
                    {"otherMember", "José", "O'Neil", born, "555-222-3333", "W-200"},
                    {"misspelled", "José", "O'Niel", born, "555-444-5555", "W-300"},
                    {"noPhone", "Ann", "Noone", born, null, "N-1"},
                    {"noPhoneAgain", "Ann", "Noone", born, null, "N-1"},
            };
            for (int i = 0; i < rows.length; i++) {
                Object[] row = rows[i];
                UUID id = UUID.randomUUID();
                referrals.put((String) row[0], id);
                insert.setObject(1, id);
                insert.setString(2, (String) row[1]);
                insert.setString(3, (String) row[2]);
                insert.setObject(4, row[3]);
                insert.setString(5, (String) row[4]);
                insert.setString(6, (String) row[5]);
                insert.setObject(7, t.plusMinutes(i));
                insert.setObject(8, t.plusMinutes(i));
                insert.addBatch();
            }
            insert.executeBatch();
        }

        flyway("latest").migrate();

        Map<String, UUID> patientOf = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.owner(), db.ownerPassword())) {
            for (var e : referrals.entrySet()) {
                try (PreparedStatement q = c.prepareStatement("select patient_id from referral where id = ?")) {
                    q.setObject(1, e.getValue());
                    try (ResultSet rs = q.executeQuery()) {
                        rs.next();
                        patientOf.put(e.getKey(), (UUID) rs.getObject(1));
                    }
                }
            }
            try (ResultSet rs = c.createStatement().executeQuery("select count(*) from referral where patient_id is null")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
        UUID first = patientOf.get("first");
        assertEquals(first, patientOf.get("refolded"), "name and member id folded alike");
        assertEquals(first, patientOf.get("byPhone"), "birth date and phone");
        assertEquals(patientOf.get("noPhone"), patientOf.get("noPhoneAgain"));
        for (String other : new String[]{"otherDay", "otherMember", "misspelled", "noPhone"}) {
            assertNotEquals(first, patientOf.get(other), other);
        }
        assertEquals(5, patientOf.values().stream().distinct().count());
        // A patient's id is derived from its first referral's id: the backfill gives the same ids on every run.
        assertEquals(derived(referrals.get("first")), first);
    }

    private static UUID derived(UUID firstReferral) throws SQLException {
        try {
            byte[] md5 = java.security.MessageDigest.getInstance("MD5")
                    .digest(("patient:" + firstReferral).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String hex = java.util.HexFormat.of().formatHex(md5);
            return UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
