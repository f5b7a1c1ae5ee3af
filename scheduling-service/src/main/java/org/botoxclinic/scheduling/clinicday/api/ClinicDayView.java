package org.botoxclinic.scheduling.clinicday.api;

import java.time.LocalDate;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDayStatus;

/** A clinic day with how much of its chair time is taken. */
public record ClinicDayView(LocalDate date, ClinicDayStatus status, int capacityMinutes, int bookedMinutes,
                            int availableMinutes, int appointmentCount) {
}
