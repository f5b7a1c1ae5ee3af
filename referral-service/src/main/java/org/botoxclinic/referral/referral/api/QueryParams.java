package org.botoxclinic.referral.referral.api;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.web.DateBounds;

/** Query parameters parsed so that a bad value is a 400 naming the parameter, not a bare 404. */
final class QueryParams {

    private QueryParams() {
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DateBounds.parseDate(value);
        } catch (DateTimeException e) {
            throw new InvalidInputException(name, DateBounds.dateMessage());
        }
    }
}
