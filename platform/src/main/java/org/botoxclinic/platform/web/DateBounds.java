package org.botoxclinic.platform.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/**
 * The years a date in a request may name (0001 to 9999): ISO allows years up to 999,999,999, which parse but
 * overflow the first day added to them, so they are refused where they enter, naming the parameter or field.
 */
public final class DateBounds {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;
    public static final String RANGE = "between 0001-01-01 and 9999-12-31";

    private DateBounds() {
    }

    /** Whether the value's year is inside the range; values without a year are left to their own rules. */
    public static boolean inRange(TemporalAccessor value) {
        if (value == null || !value.isSupported(ChronoField.YEAR)) {
            return true;
        }
        int year = value.get(ChronoField.YEAR);
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    /** A date such as 2026-11-24, or null when blank; otherwise a {@link DateTimeException} saying why. */
    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        LocalDate date = LocalDate.parse(text.trim());
        if (!inRange(date)) {
            throw new DateTimeException("out of range");
        }
        return date;
    }

    /** An instant with its offset such as 2026-11-24T10:00:00Z, or null when blank. */
    public static OffsetDateTime parseDateTime(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        OffsetDateTime value = OffsetDateTime.parse(text.trim());
        if (!inRange(value)) {
            throw new DateTimeException("out of range");
        }
        return value;
    }

    /** What a client is told about a value it sent that is not such a date. */
    public static String dateMessage() {
        return "must be a date such as 2026-11-24, " + RANGE;
    }

    public static String dateTimeMessage() {
        return "must be a date and time with an offset such as 2026-11-24T10:00:00Z, " + RANGE;
    }
}
