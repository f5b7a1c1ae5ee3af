package org.botoxclinic.console.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;

/** What the console sends to scheduling-service (absent optional fields are left out). */
public final class SchedulingRequests {

    private SchedulingRequests() {
    }

    public record AddDay(LocalDate date, Integer capacityMinutes) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Book(UUID referralId, LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime startTime, String chair,
                       String providerId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reschedule(LocalDate date, @JsonFormat(pattern = "HH:mm") LocalTime startTime, String chair,
                             String providerId) {
    }

    public record Cancel(String reason, String by) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Complete(Integer unitsAdministered, Integer unitsWasted, Integer injectionSites, String notes) {
    }
}
