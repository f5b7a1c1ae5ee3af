package org.botoxclinic.referral.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EmbeddedPostgresServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * A constraint violation on a row full of patient data reaches neither the service's log nor PostgreSQL's with the
 * row's values: the driver leaves out PostgreSQL's "Detail" (logServerErrorDetail=false) and the server logs tersely.
 * The same insert on a connection without that setting shows the values are there to leak.
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class NoRowValuesInLogsTest {

    private static final String FIRST_NAME = "Quillonia";
    private static final String LAST_NAME = "Vantreskova";
    private static final String MEMBER_ID = "MBR7Q3X9ZK41";
    private static final String INSERT = """
            insert into referral (id, source, status, indication, urgency, diagnosis_codes, patient_first_name,
                                  patient_last_name, patient_date_of_birth, patient_sex, provider_npi, provider_name,
                                  insurance_payer_id, insurance_payer_name, insurance_member_id, created_at, updated_at)
            values (?, 'PARTNER', 'RECEIVED', 'CHRONIC_MIGRAINE', 'ROUTINE', '{G43.709}', ?, ?, ?, 'female', null,
                    'Dr. Lee', 'AETNA', 'Aetna', ?, ?, ?)""";

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @Test
    void shouldLogNeitherTheDetailNorThePatientsValuesOfAFailingRow() throws IOException {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                StringBuilder line = new StringBuilder(String.valueOf(record.getMessage()));
                if (record.getParameters() != null) {
                    for (Object parameter : record.getParameters()) {
                        line.append(' ').append(parameter);
                    }
                }
                for (Throwable t = record.getThrown(); t != null; t = t.getCause()) {
                    line.append(' ').append(t);
                }
                logged.add(line.toString());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        RuntimeException failure;
        try {
            failure = assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(numbered(INSERT))
                            .setParameter(1, UUID.randomUUID())
                            .setParameter(2, FIRST_NAME)
                            .setParameter(3, LAST_NAME)
                            .setParameter(4, LocalDate.of(1961, 7, 14))
                            .setParameter(5, MEMBER_ID)
                            .setParameter(6, OffsetDateTime.now())
                            .setParameter(7, OffsetDateTime.now())
                            .executeUpdate()));
        } finally {
            root.removeHandler(capture);
        }

        String chain = messages(failure);
        assertTrue(chain.contains("provider_npi"), "the failure still names the column: " + chain);
        assertTrue(logged.stream().anyMatch(line -> line.contains("23502") || line.contains("provider_npi")),
                "Hibernate logged the violation: " + logged);
        for (String text : concat(logged, chain)) {
            assertFalse(text.contains("Detail:") || text.contains("Failing row"), "row detail leaked: " + text);
            for (String value : List.of(FIRST_NAME, LAST_NAME, MEMBER_ID, "1961-07-14")) {
                assertFalse(text.contains(value), "patient value " + value + " leaked: " + text);
            }
        }
        assertPostgresLogHasNo(FIRST_NAME, LAST_NAME, MEMBER_ID);
    }

    @Test
    void shouldShowTheRowsValuesOnAConnectionThatKeepsTheDetail() throws IOException {
        SQLException failure = assertThrows(SQLException.class, () -> {
            try (Connection connection = DriverManager.getConnection(url, user, password);
                 PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, FIRST_NAME);
                insert.setString(3, LAST_NAME);
                insert.setObject(4, LocalDate.of(1961, 7, 14));
                insert.setString(5, MEMBER_ID);
                insert.setObject(6, OffsetDateTime.now());
                insert.setObject(7, OffsetDateTime.now());
                insert.executeUpdate();
            }
        });
        assertEquals("23502", failure.getSQLState());
        // What the service's log would carry without the setting: the whole row.
        assertTrue(failure.getMessage().contains("Failing row contains") && failure.getMessage().contains(LAST_NAME),
                failure.getMessage());
        // The server itself still logs only the error line.
        assertPostgresLogHasNo(FIRST_NAME, LAST_NAME, MEMBER_ID);
    }

    private static void assertPostgresLogHasNo(String... values) throws IOException {
        Path log = EmbeddedPostgresServer.get().log().orElse(null);
        if (log == null) {
            return; // an external server: its log is not ours to read
        }
        String text = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(text.contains("violates not-null constraint"), "the server logged the error itself");
        for (String value : values) {
            assertFalse(text.contains(value), "PostgreSQL logged patient value " + value);
        }
    }

    /** The JDBC statement with Hibernate's numbered parameters (?1, ?2, ...). */
    private static String numbered(String sql) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (char c : sql.toCharArray()) {
            out.append(c);
            if (c == '?') {
                out.append(++n);
            }
        }
        return out.toString();
    }

    private static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }

    private static List<String> concat(List<String> lines, String more) {
        List<String> all = new java.util.ArrayList<>(lines);
        all.add(more);
        return all;
    }
}
