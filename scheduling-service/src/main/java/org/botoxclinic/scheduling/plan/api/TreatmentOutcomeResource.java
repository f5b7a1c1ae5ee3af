package org.botoxclinic.scheduling.plan.api;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.plan.service.TreatmentOutcomeService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How the patient responds: assessments recorded against the treatment plan. */
@Path("/api/treatment-plans/{referralId}/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Treatment plans")
public class TreatmentOutcomeResource {

    private final TreatmentOutcomeService outcomes;

    public TreatmentOutcomeResource(TreatmentOutcomeService outcomes) {
        this.outcomes = outcomes;
    }

    @POST
    @Operation(summary = "Record an outcome", description = "One assessment on a scale allowed for the plan's indication "
            + "(400 naming measure, value or assessedOn otherwise); assessedOn not after today nor before the plan began. "
            + "Publishes OutcomeRecorded. One value per scale and day: the same assessment sent again is 200 with the "
            + "outcome stored the first time (no second event); another value for that scale and day is 409 "
            + "OUTCOME_ALREADY_RECORDED with outcomeId. 409 ILLEGAL_TRANSITION on a cancelled plan; 404 unknown plan.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    @APIResponse(responseCode = "200", description = "The same assessment was already recorded",
            content = @Content(schema = @Schema(implementation = OutcomeView.class)))
    public Response record(@PathParam("referralId") UUID referralId, @Valid @NotNull OutcomeRequests.RecordOutcome request) {
        TreatmentOutcomeService.Recorded recorded = outcomes.record(referralId, request.measurement(), request.assessedOn());
        URI location = URI.create("/api/treatment-plans/" + referralId + "/outcomes/" + recorded.outcome().outcome().id());
        OutcomeView view = OutcomeView.of(recorded.outcome());
        return (recorded.created() ? Response.created(location) : Response.ok().location(location)).entity(view).build();
    }

    @GET
    @Path("/{outcomeId}")
    @Operation(summary = "One recorded outcome")
    public OutcomeView get(@PathParam("referralId") UUID referralId, @PathParam("outcomeId") UUID outcomeId) {
        return OutcomeView.of(outcomes.get(referralId, outcomeId));
    }
}
