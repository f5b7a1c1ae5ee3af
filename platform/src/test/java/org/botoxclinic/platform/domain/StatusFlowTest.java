package org.botoxclinic.platform.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class StatusFlowTest {

    enum Door implements StatusFlow<Door> {
        OPEN, CLOSED, LOCKED;

        @Override
        public boolean canBecome(Door next) {
            return switch (this) {
                case OPEN -> next == CLOSED;
                case CLOSED -> next == OPEN || next == LOCKED;
                case LOCKED -> next == CLOSED;
            };
        }
    }

    @Test
    void shouldMoveToAnAllowedStatus() {
        assertEquals(Door.LOCKED, Door.CLOSED.moveTo(Door.LOCKED, "door", "locked"));
    }

    @Test
    void shouldRefuseAForbiddenStatusNamingTheCurrentOne() {
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> Door.OPEN.moveTo(Door.LOCKED, "door", "locked"));

        assertEquals("OPEN", refused.currentStatus());
        assertEquals("ILLEGAL_TRANSITION", refused.code());
        assertEquals("Door is OPEN and cannot be locked", refused.detail());
        assertEquals("OPEN", refused.properties().get("currentStatus"));
    }
}
