package org.botoxclinic.scheduling.appointment.api;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.botoxclinic.scheduling.appointment.domain.CancelledBy;
import org.botoxclinic.scheduling.appointment.domain.Treatment;

/** What schedulers send to book and move appointments through the clinic day. */
public final class AppointmentRequests {

    private AppointmentRequests() {
    }

    public record Book(@NotNull UUID referralId, @NotNull LocalDate date) {
    }

    public record Reschedule(@NotNull LocalDate date) {
    }

    public record Cancel(@NotBlank @Size(max = 500) String reason, @NotNull CancelledBy by) {
    }

    public record Complete(@NotNull @PositiveOrZero @Max(1000) Integer unitsAdministered,
                           @NotNull @PositiveOrZero @Max(1000) Integer unitsWasted,
                           @PositiveOrZero @Max(100) Integer injectionSites,
                           @Size(max = 2000) String notes) {

        public Treatment treatment() {
            return new Treatment(unitsAdministered, unitsWasted, injectionSites, notes);
        }
    }
}
