package org.botoxclinic.scheduling.appointment.domain;

import java.util.EnumSet;
import java.util.Set;

import org.botoxclinic.platform.domain.StatusFlow;

/** An appointment's life, after FHIR R4 Appointment.status. */
public enum AppointmentStatus implements StatusFlow<AppointmentStatus> {
    BOOKED,
    CHECKED_IN,
    FULFILLED,
    CANCELLED,
    NOSHOW;

    /** Open appointments block a second booking for the referral and keep a clinic day from closing. */
    public static final Set<AppointmentStatus> OPEN = EnumSet.of(BOOKED, CHECKED_IN);
    /** Appointments that hold chair time on their day: everything but a cancellation. */
    public static final Set<AppointmentStatus> HOLDING_CHAIR_TIME = EnumSet.complementOf(EnumSet.of(CANCELLED));
    /** A later appointment in one of these follows up a no-show: the patient was booked again or treated. */
    public static final Set<AppointmentStatus> FOLLOWING_UP = EnumSet.of(BOOKED, CHECKED_IN, FULFILLED);

    public boolean isOpen() {
        return OPEN.contains(this);
    }

    /** A booked appointment may move to another day (staying BOOKED) or on to any outcome; a checked-in one only ends. */
    @Override
    public boolean canBecome(AppointmentStatus next) {
        return switch (this) {
            case BOOKED -> true;
            case CHECKED_IN -> next == FULFILLED || next == CANCELLED;
            case FULFILLED, CANCELLED, NOSHOW -> false;
        };
    }
}
