package org.botoxclinic.platform.outbox;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Outbox events the broker refused for good, for administrators to retry or skip so that their referral moves on. */
@Path("/api/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Operations")
public class ParkedEventsResource {

    private final ParkedEvents parked;

    public ParkedEventsResource(ParkedEvents parked) {
        this.parked = parked;
    }

    @GET
    @Operation(summary = "Parked outbox events, oldest first",
            description = "Events the broker refused for good (no payload); each holds back its referral's later events. "
                    + "A page: {items, next}.")
    public Page<ParkedEvent> list(@QueryParam("cursor") String cursor,
                                  @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return parked.list(cursor, limit);
    }

    @POST
    @Path("/{eventId}/retry")
    @Operation(summary = "Publish a parked event again",
            description = "It goes out before its referral's later events. 404 unknown event, 409 not parked.")
    public void retry(@PathParam("eventId") UUID eventId) {
        parked.retry(eventId);
    }

    @POST
    @Path("/{eventId}/skip")
    @Operation(summary = "Never publish a parked event",
            description = "Audited; its referral's later events go out. 404 unknown event, 409 not parked.")
    public void skip(@PathParam("eventId") UUID eventId) {
        parked.skip(eventId);
    }
}
