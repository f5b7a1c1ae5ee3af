package org.botoxclinic.console.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A clinic day's appointments holding chair time, by start time and then chair (ids only, no patient details). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Schedule(LocalDate date, String status, String place, List<Entry> items) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(UUID appointmentId, UUID referralId, LocalTime startTime, LocalTime endTime, int durationMinutes,
                        String chair, String providerId, String status) {
    }
}
