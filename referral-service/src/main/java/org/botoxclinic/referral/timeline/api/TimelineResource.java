package org.botoxclinic.referral.timeline.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.service.ReferralService;
import org.botoxclinic.referral.timeline.service.TimelineService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The closed loop: what happened to a referral, for the PCP who sent it and for the clinic. */
@Path("/api/referrals/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class TimelineResource {

    private final ReferralService referrals;
    private final TimelineService timeline;
    private final Caller caller;

    public TimelineResource(ReferralService referrals, TimelineService timeline, Caller caller) {
        this.referrals = referrals;
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "A referral's timeline", description = "The referral's status and stage and all its entries {id, at, type, detail} in the order they "
            + "happened (bounded by the one referral, so not paged).")
    public TimelineView get(@PathParam("id") UUID id) {
        Referral referral = referrals.read(id, caller.partnerScope());
        return new TimelineView(referral.id(), referral.status().name(),
                referral.stage() == null ? null : referral.stage().name(),
                timeline.entries(id).stream().map(TimelineEntryView::of).toList());
    }
}
