package org.botoxclinic.platform.deadletter;

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

import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The events this service's consumers parked, for administrators: what failed and why, and a replay once it is fixed. */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Dead letters")
public class DeadLetterResource {

    private final DeadLetters deadLetters;
    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetters deadLetters, DeadLetterReplay replay) {
        this.deadLetters = deadLetters;
        this.replay = replay;
    }

    @GET
    @Operation(summary = "Parked events, oldest first",
            description = "Events not replayed yet (replayed=true: those replayed), without their payload; "
                    + "payloadErasedAt is set once the retention erased it (no replay possible). "
                    + "A page: {items, next}; pass next as cursor for the following page.")
    public Page<DeadLetterView> list(@QueryParam("replayed") @DefaultValue("false") boolean replayed,
                                     @QueryParam("cursor") String cursor,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return deadLetters.page(replayed, cursor, limit);
    }

    @POST
    @Path("/{eventId}/replay")
    @Operation(summary = "Apply a parked event again",
            description = "Through the same consumer and the same once-per-event inbox: APPLIED, ALREADY_APPLIED "
                    + "(nothing changed) or FAILED with the reason (it stays parked). 404 for an unknown event id; 409 (PAYLOAD_ERASED) "
                    + "when its payload was erased after retention (clinic.retention.dead-letters-unresolved).")
    public ReplayOutcome replay(@PathParam("eventId") String eventId) {
        return replay.replay(eventIdOf(eventId));
    }

    private static UUID eventIdOf(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("eventId", "is not an event id (a UUID)");
        }
    }
}
