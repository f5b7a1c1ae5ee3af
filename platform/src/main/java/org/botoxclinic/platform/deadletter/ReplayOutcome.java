package org.botoxclinic.platform.deadletter;

import java.util.UUID;

/**
 * What replaying a parked event did.
 *
 * @param outcome {@code APPLIED} (its effect happened now), {@code ALREADY_APPLIED} (it had been applied before, by
 *                the consumer or an earlier replay: nothing changed) or {@code FAILED} (still parked, see reason)
 */
public record ReplayOutcome(UUID eventId, Outcome outcome, String reason) {

    public enum Outcome { APPLIED, ALREADY_APPLIED, FAILED }
}
