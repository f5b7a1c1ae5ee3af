package org.botoxclinic.scheduling.clinicday.domain;

import java.util.UUID;

/** An appointment still open on a day, as staff must see it before they can close the day. */
public record OpenBooking(UUID id, UUID referralId, int durationMinutes, String status) {
}
