package org.botoxclinic.console.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** An appointment as scheduling-service shows it to staff. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Appointment(UUID id, UUID referralId, LocalDate date, int durationMinutes, String status,
                          UUID authorizationId, Integer unitsAdministered, Integer unitsWasted, Integer injectionSites,
                          String notes, String cancelReason, String cancelledBy, LocalTime startTime, LocalTime endTime,
                          String chair, String providerId) {

    public boolean booked() {
        return "BOOKED".equals(status);
    }

    public boolean checkedIn() {
        return "CHECKED_IN".equals(status);
    }

    public boolean fulfilled() {
        return "FULFILLED".equals(status);
    }

    /** Who cancelled, as the page says it ("patient", "clinic"). */
    public String cancelledByWords() {
        return cancelledBy == null ? "" : cancelledBy.toLowerCase(java.util.Locale.ROOT);
    }

    /** Booked or checked in: the appointment may still be cancelled. */
    public boolean open() {
        return booked() || checkedIn();
    }
}
