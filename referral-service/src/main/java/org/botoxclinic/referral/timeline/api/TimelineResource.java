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
import org.botoxclinic.referral.referral.service.ReferralDesk;
import org.botoxclinic.referral.timeline.service.Timeline;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The closed loop: what happened to a referral, for the PCP who sent it and for the clinic. */
@Path("/api/referrals/{id}/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class TimelineResource {

    private final ReferralDesk desk;
    private final Timeline timeline;
    private final Caller caller;

    public TimelineResource(ReferralDesk desk, Timeline timeline, Caller caller) {
        this.desk = desk;
        this.timeline = timeline;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "A referral's timeline", description = "Ordered entries {at, type, detail} and the derived stage.")
    public TimelineView get(@PathParam("id") UUID id) {
        Referral referral = desk.read(id, caller.partnerScope());
        return new TimelineView(referral.id(), referral.status().name(),
                referral.stage() == null ? null : referral.stage().name(),
                timeline.entries(id).stream().map(TimelineEntryView::of).toList());
    }
}
