package org.botoxclinic.scheduling.clinicday.domain;

/** A clinic day takes bookings while OPEN. */
public enum ClinicDayStatus {
    OPEN,
    CLOSED
}
