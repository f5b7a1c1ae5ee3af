package org.botoxclinic.scheduling.clinicday.api;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.botoxclinic.scheduling.clinicday.domain.ResourceHours;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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

    /** A day's chairs (rooms) and injectors (providers), each with its hours, in the order slots are handed out. */
    public record SetResources(@NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Hours> chairs,
                               @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull Hours> providers) {

        public List<ResourceHours> chairHours() {
            return chairs.stream().map(Hours::hours).toList();
        }

        public List<ResourceHours> providerHours() {
            return providers.stream().map(Hours::hours).toList();
        }
    }

    /** A chair or an injector and its hours [from, to): an appointment may end exactly at {@code to}. */
    public record Hours(@Schema(description = "The chair's or the injector's id (staff ids, never names)", example = "chair-1")
                        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String id,
                        @Schema(type = SchemaType.STRING, example = "09:00") @NotNull LocalTime from,
                        @Schema(type = SchemaType.STRING, example = "15:00") @NotNull LocalTime to) {

        ResourceHours hours() {
            return new ResourceHours(id, from, to);
        }
    }
}
