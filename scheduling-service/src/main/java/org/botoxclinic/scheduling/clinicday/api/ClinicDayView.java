package org.botoxclinic.scheduling.clinicday.api;

import java.time.LocalDate;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDayStatus;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayLoad;

/** A clinic day with how much of its chair time is taken. */
public record ClinicDayView(LocalDate date, ClinicDayStatus status, int capacityMinutes, int bookedMinutes,
                            int availableMinutes, int appointmentCount) {

    public static ClinicDayView of(ClinicDayLoad load) {
        return new ClinicDayView(load.day().date(), load.day().status(), load.day().capacityMinutes(),
                load.booked().minutes(), load.availableMinutes(), load.booked().appointments());
    }
}
