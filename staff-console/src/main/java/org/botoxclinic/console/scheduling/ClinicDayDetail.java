package org.botoxclinic.console.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One clinic day with its figures and its chairs and injectors. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClinicDayDetail(LocalDate date, String status, int capacityMinutes, int bookedMinutes,
                              int availableMinutes, int appointmentCount, double utilisation, int noShows,
                              int cancellations, int fulfilled, Resources resources) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Resources(boolean custom, List<Hours> chairs, List<Hours> providers, int chairMinutes) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hours(String id, LocalTime from, LocalTime to) {
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    public int utilisationPercent() {
        return (int) Math.round(utilisation * 100);
    }

    public String capacity() {
        return Durations.words(capacityMinutes);
    }

    public String booked() {
        return Durations.words(bookedMinutes);
    }

    public String freeTime() {
        return Durations.words(availableMinutes);
    }

    public List<Hours> chairs() {
        return resources == null || resources.chairs() == null ? List.of() : resources.chairs();
    }

    public List<Hours> injectors() {
        return resources == null || resources.providers() == null ? List.of() : resources.providers();
    }
}
