package org.botoxclinic.platform.domain;

/**
 * A status enum that knows which statuses may follow each of its values. Every aggregate changes status the
 * same way: {@code status = status.moveTo(NEXT, "referral", "accepted")}, so the rule lives in the enum and a
 * refused change is always the same 409.
 */
public interface StatusFlow<S extends Enum<S> & StatusFlow<S>> {

    /** Whether this status may be followed by {@code next}. */
    boolean canBecome(S next);

    /**
     * @return {@code next}, when this status may become it
     * @throws IllegalTransitionException naming this status and the refused action otherwise
     */
    default S moveTo(S next, String resource, String action) {
        if (!canBecome(next)) {
            throw new IllegalTransitionException(resource, (Enum<?>) this, action);
        }
        return next;
    }
}
