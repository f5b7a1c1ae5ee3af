package org.botoxclinic.scheduling.notification.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.notification.service.ContactPreferenceService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How each patient may be messaged: the contact details from their referral, their channel and their consent. */
@Path("/api/patients/{patientId}/contact-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Notifications")
public class ContactPreferenceResource {

    private final ContactPreferenceService preferences;
    private final Caller caller;

    public ContactPreferenceResource(ContactPreferenceService preferences, Caller caller) {
        this.preferences = preferences;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "A patient's contact details and choices",
            description = "patientId is referral-service's patient id, or the referral id for a referral accepted before "
                    + "patients had ids. 404 when nothing is known of the patient. Audited (READ).")
    public ContactPreferenceView get(@PathParam("patientId") UUID patientId) {
        return ContactPreferenceView.of(preferences.get(patientId));
    }

    @PUT
    @Operation(summary = "Record the patient's channel (EMAIL or SMS) and opt-out",
            description = "Opting out withdraws every message still queued for the patient (SUPPRESSED, OPTED_OUT) and "
                    + "no further message is sent until they opt in again. The phone and e-mail come from the referral.")
    public ContactPreferenceView put(@PathParam("patientId") UUID patientId,
                                     @Valid @NotNull ContactPreferenceRequest request) {
        return ContactPreferenceView.of(preferences.choose(patientId, request.channel(), request.optedOut(),
                caller.subject()));
    }
}
