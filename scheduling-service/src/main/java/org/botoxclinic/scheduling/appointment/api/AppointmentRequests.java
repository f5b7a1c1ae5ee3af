package org.botoxclinic.scheduling.appointment.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.botoxclinic.scheduling.appointment.domain.CancelledBy;
import org.botoxclinic.scheduling.appointment.domain.Treatment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What schedulers send to book and move appointments through the clinic day. */
public final class AppointmentRequests {

    private AppointmentRequests() {
    }

    /** A booking; startTime, chair and providerId are optional (absent: the first free slot that fits). */
    public record Book(@NotNull UUID referralId, @NotNull LocalDate date,
                       @Schema(description = "Requested start time (HH:mm) in the clinic's time zone; absent: the first free time",
                               type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                               example = "10:30") LocalTime startTime,
                       @Schema(description = "Requested chair; absent: any free one") @Size(max = 64) String chair,
                       @Schema(description = "Requested injector; absent: any free one") @Size(max = 64) String providerId) {
    }

    /** A move to a date and, optionally, a start time, chair and injector. */
    public record Reschedule(@NotNull LocalDate date,
                             @Schema(description = "Requested start time (HH:mm); absent: the first free time",
                                     type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                                     example = "10:30") LocalTime startTime,
                             @Schema(description = "Requested chair; absent: any free one") @Size(max = 64) String chair,
                             @Schema(description = "Requested injector; absent: any free one") @Size(max = 64)
                             String providerId) {
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
