package org.botoxclinic.scheduling.clinicday.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.botoxclinic.scheduling.clinicday.domain.DayResources;
import org.botoxclinic.scheduling.clinicday.domain.ResourceHours;

/**
 * A day's chairs and injectors with their hours; {@code custom} is false when they are the configured defaults.
 * {@code chairMinutes} is every chair's hours added up.
 */
public record DayResourcesView(LocalDate date, boolean custom, List<HoursView> chairs, List<HoursView> providers,
                               int chairMinutes) {

    public record HoursView(String id, LocalTime from, LocalTime to) {

        static HoursView of(ResourceHours r) {
            return new HoursView(r.id(), r.opensAt(), r.closesAt());
        }
    }

    public static DayResourcesView of(LocalDate date, DayResources r) {
        return new DayResourcesView(date, r.custom(), r.chairs().stream().map(HoursView::of).toList(),
                r.providers().stream().map(HoursView::of).toList(), r.chairMinutes());
    }
}
