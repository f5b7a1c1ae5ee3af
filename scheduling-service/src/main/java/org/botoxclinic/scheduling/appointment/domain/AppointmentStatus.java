package org.botoxclinic.scheduling.appointment.domain;

import java.util.EnumSet;
import java.util.Set;

/** An appointment's life, after FHIR R4 Appointment.status. */
public enum AppointmentStatus {
    BOOKED,
    CHECKED_IN,
    FULFILLED,
    CANCELLED,
    NOSHOW;

    /** Open appointments hold chair time and block a second booking for the referral. */
    public static final Set<AppointmentStatus> OPEN = EnumSet.of(BOOKED, CHECKED_IN);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** Which statuses an appointment may move to from this one. */
    public boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case BOOKED -> next == CHECKED_IN || next == FULFILLED || next == CANCELLED || next == NOSHOW;
            case CHECKED_IN -> next == FULFILLED || next == CANCELLED;
            case FULFILLED, CANCELLED, NOSHOW -> false;
        };
    }
}
