package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalDate;

/**
 * Announced (as a synchronous CDI event, inside the transaction that frees it) when chair time on a clinic day becomes
 * free: an appointment cancelled or moved away, capacity raised, a day added or reopened, resources added. The waitlist
 * offers the time to the first waiting patient every booking rule lets in, without the calendar knowing of waitlists.
 */
public record CapacityFreed(LocalDate date) {
}
