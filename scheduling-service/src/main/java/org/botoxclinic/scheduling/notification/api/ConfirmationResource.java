package org.botoxclinic.scheduling.notification.api;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.scheduling.notification.domain.ConfirmationRefused;
import org.botoxclinic.scheduling.notification.service.ConfirmationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The patient's confirmation of an appointment, from the link in a reminder: the service's only endpoint without a
 * login. The signed token is the credential; attempts are rate-limited.
 */
@Path("/api/appointments/{id}/confirm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Notifications")
public class ConfirmationResource {

    private final ConfirmationService confirmations;

    public ConfirmationResource(ConfirmationService confirmations) {
        this.confirmations = confirmations;
    }

    @POST
    @SecurityRequirements
    @APIResponse(responseCode = "200", description = "Confirmed: the appointment's date and start time")
    @APIResponse(responseCode = "400", description = "No token in the body")
    @APIResponse(responseCode = "403", description = "INVALID_CONFIRMATION_TOKEN: not this appointment's token (or no such appointment)")
    @APIResponse(responseCode = "409", description = "SLOT_CHANGED: a link sent before the appointment moved; or the appointment is no longer booked (currentStatus)")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED, with Retry-After")
    @Operation(summary = "The patient confirms the appointment (no login: the token from the reminder's link)",
            description = "200 with the confirmed date and time; confirming again is 200 too. 403 "
                    + "INVALID_CONFIRMATION_TOKEN when the token is not this appointment's (or there is no such "
                    + "appointment); 409 SLOT_CHANGED when the token is for a time the appointment had before a "
                    + "reschedule (use the latest message); 409 with currentStatus when the appointment is no longer "
                    + "booked; 429 RATE_LIMITED with Retry-After after 10 attempts per appointment in 15 minutes.")
    public ConfirmationView confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmationRequest request) {
        try {
            return ConfirmationView.of(confirmations.confirm(id, request.token()));
        } catch (ConfirmationRefused refused) {
            throw Problems.of(Response.Status.FORBIDDEN, ConfirmationRefused.CODE, refused.getMessage());
        }
    }
}
