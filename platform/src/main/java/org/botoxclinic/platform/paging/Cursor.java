package org.botoxclinic.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.platform.domain.InvalidInputException;

/**
 * Where a page ended: the sort keys of its last row, tagged with the list they belong to, encoded so that
 * clients treat it as opaque and the order's make-up can change without breaking them. A cursor from another
 * list, or one this service did not issue, is a 400 naming the {@code cursor} parameter.
 */
public final class Cursor {

    private static final String SEPARATOR = "|";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String list;
    private final List<String> keys;

    private Cursor(String list, List<String> keys) {
        this.list = list;
        this.keys = List.copyOf(keys);
    }

    /** A cursor of the given list after a row with these sort keys (instants at microsecond precision). */
    public static Cursor of(String list, Object... keys) {
        List<String> parts = new ArrayList<>(keys.length);
        for (Object key : keys) {
            if (key instanceof OffsetDateTime time) {
                parts.add(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant())));
            } else if (key instanceof Instant instant) {
                parts.add(Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, instant)));
            } else {
                parts.add(String.valueOf(key));
            }
        }
        return new Cursor(list, parts);
    }

    /**
     * Reads a cursor of the given list.
     *
     * @throws InvalidInputException when the text is not a cursor of that list with {@code size} keys
     */
    public static Cursor decode(String text, String list, int size) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            String[] parts = plain.split("\\" + SEPARATOR, -1);
            if (parts.length != size + 1 || !parts[0].equals(list)) {
                throw invalid();
            }
            return new Cursor(list, List.of(parts).subList(1, parts.length));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String encode() {
        return ENCODER.encodeToString((list + SEPARATOR + String.join(SEPARATOR, keys)).getBytes(StandardCharsets.UTF_8));
    }

    public String text(int index) {
        return keys.get(index);
    }

    public int integer(int index) {
        return parse(() -> Integer.parseInt(keys.get(index)));
    }

    public long number(int index) {
        return parse(() -> Long.parseLong(keys.get(index)));
    }

    public UUID uuid(int index) {
        return parse(() -> UUID.fromString(keys.get(index)));
    }

    public LocalDate date(int index) {
        return parse(() -> LocalDate.parse(keys.get(index)));
    }

    public OffsetDateTime time(int index) {
        return parse(() -> Instant.EPOCH.plus(Long.parseLong(keys.get(index)), ChronoUnit.MICROS).atOffset(ZoneOffset.UTC));
    }

    private static <T> T parse(java.util.function.Supplier<T> value) {
        try {
            return value.get();
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static InvalidInputException invalid() {
        return new InvalidInputException("cursor", "is not a cursor this service issued for this list");
    }
}
