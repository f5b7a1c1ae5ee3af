package org.botoxclinic.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.platform.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class CursorTest {

    @Test
    void shouldReadBackTheSortKeysOfTheListThatIssuedIt() {
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.parse("2031-03-04T05:06:07.123456Z");
        String text = Cursor.of("queue", 2, at, LocalDate.of(2032, 2, 29), id).encode();

        Cursor cursor = Cursor.decode(text, "queue", 4);

        assertEquals(2, cursor.integer(0));
        assertEquals(at, cursor.time(1));
        assertEquals(LocalDate.of(2032, 2, 29), cursor.date(2));
        assertEquals(id, cursor.uuid(3));
    }

    @Test
    void shouldRefuseACursorOfAnotherListOrShapeAsInvalidInputNamingTheParameter() {
        String other = Cursor.of("worklist", 1, UUID.randomUUID()).encode();

        InvalidInputException wrongList = assertThrows(InvalidInputException.class, () -> Cursor.decode(other, "queue", 2));
        assertEquals(List.of("cursor"), List.copyOf(wrongList.fieldMessages().keySet()));
        assertThrows(InvalidInputException.class, () -> Cursor.decode(other, "worklist", 3));
        assertThrows(InvalidInputException.class, () -> Cursor.decode("not base64 at all!", "queue", 2));
        assertThrows(InvalidInputException.class, () -> Cursor.decode(Cursor.of("queue", "x", "y").encode(), "queue", 2).integer(0));
    }

    @Test
    void shouldCutAKeysetResultToOnePageAndPointAfterItsLastRow() {
        List<Integer> fetched = List.of(1, 2, 3, 4);

        Page<Integer> full = Page.of(fetched, 3, n -> Cursor.of("numbers", n));
        Page<Integer> last = Page.of(fetched.subList(0, 3), 3, n -> Cursor.of("numbers", n));

        assertEquals(List.of(1, 2, 3), full.items());
        assertEquals(3, Cursor.decode(full.next(), "numbers", 1).integer(0));
        assertEquals(List.of(1, 2, 3), last.items());
        assertNull(last.next(), "exactly one page: no next cursor");
        assertEquals(List.of("1", "2", "3"), full.map(String::valueOf).items());
    }
}
