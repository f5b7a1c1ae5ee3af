package org.botoxclinic.console.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

/** What a person typed in a form, read leniently: what is not a valid value is left out for the service to name. */
final class FormValues {

    private FormValues() {
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static LocalDate date(String value) {
        try {
            return text(value) == null ? null : LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static LocalTime time(String value) {
        try {
            return text(value) == null ? null : LocalTime.parse(value.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static Integer number(String value) {
        try {
            return text(value) == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
