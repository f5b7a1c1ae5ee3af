package org.botoxclinic.console.scheduling;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A clinic day with how much of its chair time is taken (minutes). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClinicDay(LocalDate date, String status, int capacityMinutes, int bookedMinutes, int availableMinutes,
                        int appointmentCount) {

    private static final java.time.format.DateTimeFormatter LABEL =
            java.time.format.DateTimeFormatter.ofPattern("EEE d MMM yyyy", java.util.Locale.ENGLISH);

    /** The date as a form value (yyyy-MM-dd). */
    public String iso() {
        return date.toString();
    }

    /** How the day reads in a list to choose from: "Wed 13 Jan 2027 (5 h free)". */
    public String label() {
        return date.format(LABEL) + " (" + freeTime() + " free)";
    }

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** Booked minutes against capacity, in whole percent (0 for a day without capacity). */
    public int utilisationPercent() {
        return capacityMinutes == 0 ? 0 : Math.round(bookedMinutes * 100f / capacityMinutes);
    }

    /** Booked against capacity, 0 to 1 (for a meter). */
    public double utilisation() {
        return capacityMinutes == 0 ? 0 : Math.min(1.0, bookedMinutes / (double) capacityMinutes);
    }

    public String freeTime() {
        return Durations.words(availableMinutes);
    }

    public String capacity() {
        return Durations.words(capacityMinutes);
    }
}
