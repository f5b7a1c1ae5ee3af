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
            description = "Status, the patientId (referral-service's, after the merges heard of; null for plans accepted "
                    + "before referrals carried one), what is left of the authorization, the next eligible date (84 days "
                    + "after the patient's latest treatment for the same indication on any of their referrals, never "
                    + "before the window or today) and the clinic day to offer.")
    public TreatmentPlanView get(@PathParam("referralId") UUID referralId) {
        return TreatmentPlanView.of(plans.get(referralId));
    }
}
