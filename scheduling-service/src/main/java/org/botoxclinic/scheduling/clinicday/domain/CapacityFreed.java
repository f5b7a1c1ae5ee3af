package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalDate;

/**
 * Announced (as a synchronous CDI event, inside the transaction that frees it) when chair time on a clinic day becomes
 * free: an appointment cancelled or moved away, capacity raised, a day added or reopened, resources added. The waitlist
 * offers the time to the first waiting patient every booking rule lets in (the freed slot itself first), without the calendar knowing of waitlists.
 */
public record CapacityFreed(LocalDate date, Slot freed) {

    /**
     * @param freed the time an appointment held (a cancellation, a move away), which the waitlist offers first when it
     *              fits the waiting patient; null when capacity grew without a particular slot being freed
     */
    public CapacityFreed {
    }

    /** Time freed on a day without a particular slot: more capacity, a new day, chairs or injectors added. */
    public CapacityFreed(LocalDate date) {
        this(date, null);
    }
}
