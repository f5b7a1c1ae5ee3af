package org.botoxclinic.scheduling.clinicday.domain;

import java.time.LocalDate;
import java.time.LocalTime;

/** A free stretch of one chair and one injector on a clinic day, long enough for an appointment. */
public record Slot(LocalDate date, LocalTime startTime, LocalTime endTime, String chair, String providerId) {
}
