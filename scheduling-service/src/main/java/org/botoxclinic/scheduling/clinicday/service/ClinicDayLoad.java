package org.botoxclinic.scheduling.clinicday.service;

import org.botoxclinic.scheduling.clinicday.domain.BookedTime;
import org.botoxclinic.scheduling.clinicday.domain.ChairTime;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;

/** A clinic day together with the chair time already booked on it, as the calendar shows it. */
public record ClinicDayLoad(ClinicDay day, BookedTime booked) {

    public int availableMinutes() {
        return ChairTime.available(day.capacityMinutes(), booked.minutes());
    }

    public boolean fits(int durationMinutes) {
        return day.isOpen() && ChairTime.fits(day.capacityMinutes(), booked.minutes(), durationMinutes);
    }
}
