package org.botoxclinic.scheduling.plan.api;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.scheduling.plan.service.TreatmentPlans;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where each accepted patient stands on the way to the clinic day. */
@Path("/api/treatment-plans")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Treatment plans")
public class TreatmentPlanResource {

    private final TreatmentPlans plans;
    private final Clock clock;

    public TreatmentPlanResource(TreatmentPlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @GET
    @Path("/{referralId}")
    @Operation(summary = "One referral's treatment plan", description = "READY_TO_SCHEDULE once an authorization covers it.")
    public TreatmentPlanView get(@PathParam("referralId") UUID referralId) {
        return plans.find(referralId)
                .map(plan -> TreatmentPlanView.of(plan, LocalDate.now(clock)))
                .orElseThrow(() -> Problems.notFound("treatment plan", referralId));
    }
}
