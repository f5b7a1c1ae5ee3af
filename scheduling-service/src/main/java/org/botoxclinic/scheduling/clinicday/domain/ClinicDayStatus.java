package org.botoxclinic.scheduling.clinicday.domain;

import org.botoxclinic.platform.domain.StatusFlow;

/** A clinic day takes bookings while OPEN; staff close it, and may open a closed day again. */
public enum ClinicDayStatus implements StatusFlow<ClinicDayStatus> {
    OPEN,
    CLOSED;

    @Override
    public boolean canBecome(ClinicDayStatus next) {
        return next != this;
    }
}
