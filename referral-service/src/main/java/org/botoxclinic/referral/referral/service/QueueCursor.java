package org.botoxclinic.referral.referral.service;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;

import org.botoxclinic.platform.web.Problems;

/** Position in the work queue (urgency, then received time, then id), opaque to clients. */
public record QueueCursor(short urgencyRank, OffsetDateTime createdAt, UUID id) {

    public String encode() {
        String raw = urgencyRank + "|" + createdAt + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public static QueueCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new QueueCursor(Short.parseShort(parts[0]), OffsetDateTime.parse(parts[1]), UUID.fromString(parts[2]));
        } catch (RuntimeException e) {
            throw Problems.invalid(java.util.Map.of("cursor", "is not a cursor this service issued"));
        }
    }
}
