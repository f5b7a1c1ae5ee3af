package org.botoxclinic.insurance.authorization.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/**
 * Where a page of the work queue ended: the last case's place in the (rank, time, id) order. Opaque to clients,
 * so the order's make-up can change without breaking them.
 */
public record QueueCursor(int rank, OffsetDateTime at, UUID id) {

    private static final String VERSION = "q1";

    public static QueueCursor after(AuthorizationCase c) {
        return new QueueCursor(c.queueRank(), c.queueAt(), c.id());
    }

    public String encode() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
        String plain = VERSION + "|" + rank + "|" + micros + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** @throws IllegalArgumentException for anything this service did not hand out */
    public static QueueCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw new IllegalArgumentException("not a queue cursor");
            }
            Instant at = Instant.EPOCH.plus(Long.parseLong(parts[2]), ChronoUnit.MICROS);
            return new QueueCursor(Integer.parseInt(parts[1]), at.atOffset(ZoneOffset.UTC), UUID.fromString(parts[3]));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a queue cursor", e);
        }
    }
}
