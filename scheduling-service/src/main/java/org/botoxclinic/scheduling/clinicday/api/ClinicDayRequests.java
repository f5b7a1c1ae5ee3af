package org.botoxclinic.scheduling.clinicday.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** What staff send to add, resize or close a clinic day. */
public final class ClinicDayRequests {

    private ClinicDayRequests() {
    }

    public record AddDay(@NotNull LocalDate date, @NotNull @PositiveOrZero @Max(10_000) Integer capacityMinutes) {
    }

    public record ChangeCapacity(@NotNull @PositiveOrZero @Max(10_000) Integer capacityMinutes) {
    }

    public record CloseDay(@NotBlank @Size(max = 500) String reason) {
    }
}
