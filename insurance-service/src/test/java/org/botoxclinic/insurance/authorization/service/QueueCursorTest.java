package org.botoxclinic.insurance.authorization.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class QueueCursorTest {

    @Test
    void shouldReadBackTheCursorItHandedOut() {
        QueueCursor cursor = new QueueCursor(2, OffsetDateTime.parse("2026-11-24T12:00:00.123456Z"), UUID.randomUUID());
        assertEquals(cursor, QueueCursor.decode(cursor.encode()));
    }

    @Test
    void shouldRefuseAnythingElse() {
        assertThrows(IllegalArgumentException.class, () -> QueueCursor.decode("not-a-cursor"));
        assertThrows(IllegalArgumentException.class, () -> QueueCursor.decode("cTJ8MXwy"));
    }
}
