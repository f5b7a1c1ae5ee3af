package org.botoxclinic.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The one clock of every module's tests, injected into the services in place of the system clock (see
 * {@link TestClockProducer}). It starts at the real current time, so that by default the tests run on the day
 * they run, or at the instant named by the system property {@value #START_PROPERTY} (an ISO instant such as
 * {@code 2027-06-15T14:00:00Z}, or a date, read as 10:00 in the clinic), so that the whole suite can be run on
 * any other date: {@code ./mvnw verify -Dclinic.test.start=2028-02-29}. Tests compute their dates from it and
 * never compare a fixed calendar date with the real clock.
 */
public final class TestClock {

    public static final String START_PROPERTY = "clinic.test.start";
    /** The clinic's time zone, as the services are configured by default. */
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final Instant START = start(System.getProperty(START_PROPERTY, System.getenv("CLINIC_TEST_START")));
    public static final MutableClock CLOCK = new MutableClock(START, ZONE);

    static {
        System.out.println("[test clock] starts at " + START + " (set -D" + START_PROPERTY + " to run at another instant)");
    }

    private TestClock() {
    }

    /** Back to the start, for the next test. */
    public static void reset() {
        CLOCK.set(START);
    }

    public static void set(Instant instant) {
        CLOCK.set(instant);
    }

    public static void advance(Duration duration) {
        CLOCK.advance(duration);
    }

    /** Moves the clock to the given day in the clinic, at the given local time. */
    public static void setToday(LocalDate date, LocalTime time) {
        CLOCK.set(date.atTime(time).atZone(ZONE).toInstant());
    }

    /** Moves the clock to the given day in the clinic, 10:00 local time. */
    public static void setToday(LocalDate date) {
        setToday(date, LocalTime.of(10, 0));
    }

    /** Today in the clinic, by the test clock. */
    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    /** Now by the test clock, in UTC at the database's precision, as the services store instants. */
    public static OffsetDateTime now() {
        return OffsetDateTime.now(CLOCK).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    /** The start of a given clinic-local day, as an instant. */
    public static Instant startOf(LocalDate date) {
        return date.atStartOfDay(ZONE).toInstant();
    }

    static Instant start(String configured) {
        if (configured == null || configured.isBlank()) {
            return Instant.now().truncatedTo(ChronoUnit.SECONDS);
        }
        String value = configured.trim();
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException notAnInstant) {
            return LocalDate.parse(value).atTime(10, 0).atZone(ZONE).toInstant();
        }
    }
}
