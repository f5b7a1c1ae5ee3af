package org.botoxclinic.scheduling.clinicday.api;

import java.time.LocalDate;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDayStatus;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayDetail;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A clinic day with its booked time, its chairs and injectors, and its figures. */
public record ClinicDayDetailView(LocalDate date, ClinicDayStatus status, int capacityMinutes, int bookedMinutes,
                                  int availableMinutes, int appointmentCount,
                                  @Schema(description = "Booked minutes against capacityMinutes (0 to 1, three decimals)")
                                  double utilisation,
                                  @Schema(description = "Appointments of the day marked NOSHOW") int noShows,
                                  @Schema(description = "Appointments of the day CANCELLED") int cancellations,
                                  @Schema(description = "Appointments of the day FULFILLED") int fulfilled,
                                  DayResourcesView resources) {

    public static ClinicDayDetailView of(ClinicDayDetail d) {
        var load = d.load();
        return new ClinicDayDetailView(load.day().date(), load.day().status(), load.day().capacityMinutes(),
                load.booked().minutes(), load.availableMinutes(), load.booked().appointments(), d.utilisation(),
                d.figures().noShows(), d.figures().cancellations(), d.figures().fulfilled(),
                DayResourcesView.of(load.day().date(), d.resources()));
    }
}
