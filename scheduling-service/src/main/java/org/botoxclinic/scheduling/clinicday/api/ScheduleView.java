package org.botoxclinic.scheduling.clinicday.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.scheduling.clinicday.domain.ClinicDayStatus;
import org.botoxclinic.scheduling.clinicday.domain.ScheduleEntry;
import org.botoxclinic.scheduling.clinicday.service.ClinicDaySchedule;

/** A clinic day's appointments holding time (all but cancelled ones), by start time and then chair. */
public record ScheduleView(LocalDate date, ClinicDayStatus status, String place, List<Entry> items) {

    /** One appointment: ids, time, chair and injector; no patient details. */
    public record Entry(UUID appointmentId, UUID referralId, LocalTime startTime, LocalTime endTime, int durationMinutes,
                        String chair, String providerId, String status) {

        static Entry of(ScheduleEntry e) {
            return new Entry(e.appointmentId(), e.referralId(), e.startTime(), e.endTime(), e.durationMinutes(),
                    e.chair(), e.providerId(), e.status());
        }
    }

    public static ScheduleView of(ClinicDaySchedule s, String place) {
        return new ScheduleView(s.day().date(), s.day().status(), place, s.entries().stream().map(Entry::of).toList());
    }
}
