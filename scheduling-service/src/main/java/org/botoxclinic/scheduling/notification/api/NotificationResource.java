package org.botoxclinic.scheduling.notification.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.notification.service.NotificationService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The reminders and recalls owed to a referral's patient, with their status and attempts. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Notifications")
public class NotificationResource {

    private final NotificationService notifications;

    public NotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GET
    @Operation(summary = "A referral's messages to the patient, oldest first",
            description = "Each reminder (kind REMINDER, daysBefore 7 or 1 by default, for the appointment's slotDate and "
                    + "slotTime) and recall (kind RECALL, slotDate: the day the patient can be booked from) with its status: "
                    + "QUEUED (waiting, or retried at nextAttemptAt after a failure), SENT, FAILED (after the configured "
                    + "attempts; lastError says why, addresses blanked), SUPPRESSED (statusReason APPOINTMENT_CHANGED, "
                    + "OPTED_OUT or NO_CONTACT_DETAILS). Never the address. Returns {items, next}: pass next back as cursor "
                    + "for the following page; next is null on the last page.")
    public Page<NotificationView> list(@Parameter(description = "The referral", required = true)
                                       @QueryParam("referralId") @NotNull UUID referralId,
                                       @Parameter(description = "Messages per page") @QueryParam("limit")
                                       @DefaultValue("100") @Min(1) @Max(500) int limit,
                                       @Parameter(description = "The next of the previous page") @QueryParam("cursor")
                                       String cursor) {
        return notifications.ofReferral(referralId, cursor, limit).map(NotificationView::of);
    }
}
