package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalTime;
import java.util.UUID;

/** One appointment of a clinic day as the day's schedule lists it: ids, time and place only, no patient details. */
public record ScheduleEntry(UUID appointmentId, UUID referralId, LocalTime startTime, LocalTime endTime,
                            int durationMinutes, String chair, String providerId, String status) {
}
