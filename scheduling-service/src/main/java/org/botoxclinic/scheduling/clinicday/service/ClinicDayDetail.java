package org.botoxclinic.scheduling.clinicday.service;

import org.botoxclinic.scheduling.clinicday.domain.DayFigures;
import org.botoxclinic.scheduling.clinicday.domain.DayResources;

/** A clinic day with its booked time, its chairs and injectors, and how it went. */
public record ClinicDayDetail(ClinicDayLoad load, DayResources resources, DayFigures figures) {

    public double utilisation() {
        return DayFigures.utilisation(load.booked().minutes(), load.day().capacityMinutes());
    }
}
