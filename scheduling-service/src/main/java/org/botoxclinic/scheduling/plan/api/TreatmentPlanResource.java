package org.botoxclinic.scheduling.plan.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where each accepted patient stands on the way to the clinic day. */
@Path("/api/treatment-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Treatment plans")
public class TreatmentPlanResource {

    private final TreatmentPlanService plans;

    public TreatmentPlanResource(TreatmentPlanService plans) {
        this.plans = plans;
    }

    @GET
    @Path("/{referralId}")
    @Operation(summary = "One referral's treatment plan",
            description = "Status, what is left of the authorization, the next eligible date and the clinic day to offer.")
    public TreatmentPlanView get(@PathParam("referralId") UUID referralId) {
        return TreatmentPlanView.of(plans.get(referralId));
    }
}
