package org.botoxclinic.scheduling.clinicday.service;

import java.util.List;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.DayResources;
import org.botoxclinic.scheduling.clinicday.domain.ScheduleEntry;

/** A clinic day's appointments in time order, with its chairs and injectors. */
public record ClinicDaySchedule(ClinicDay day, DayResources resources, List<ScheduleEntry> entries) {
}
