package org.botoxclinic.insurance.authorization.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Cursor;
import org.junit.jupiter.api.Test;

class QueueCursorTest {

    @Test
    void shouldReadBackTheCursorItHandedOut() {
        OffsetDateTime at = OffsetDateTime.parse("2026-11-24T12:00:00.123456Z");
        UUID id = UUID.randomUUID();
        Cursor cursor = AuthorizationCaseService.queueCursor(Cursor.of(AuthorizationCaseRepository.QUEUE, 2, at, id).encode());
        assertEquals(2, cursor.integer(0));
        assertEquals(at, cursor.time(1));
        assertEquals(id, cursor.uuid(2));
    }

    @Test
    void shouldRefuseAnythingElse() {
        assertThrows(InvalidInputException.class, () -> AuthorizationCaseService.queueCursor("not-a-cursor"));
        assertThrows(InvalidInputException.class, () -> AuthorizationCaseService.queueCursor("cTJ8MXwy"));
        assertThrows(InvalidInputException.class, () -> AuthorizationCaseService.queueCursor(
                Cursor.of("appointments", 2, OffsetDateTime.parse("2026-11-24T12:00:00Z"), UUID.randomUUID()).encode()));
    }
}
