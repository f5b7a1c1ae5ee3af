package org.botoxclinic.platform.inbox;

/** What a failed attempt at an event says about the next attempt, and so whether the inbox waits or parks. */
public enum FailureKind {

    /** The database or a lock was not available: the same event will succeed later, so it is retried for as long as it lasts. */
    TRANSIENT,

    /** The event can never be applied as it is (malformed, incomplete, refused by a rule): parked at once. */
    PERMANENT,

    /** Neither known to pass nor known to last: retried a few times, then parked. */
    UNKNOWN
}
