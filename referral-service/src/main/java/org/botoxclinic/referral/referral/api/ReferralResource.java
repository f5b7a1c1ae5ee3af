package org.botoxclinic.referral.referral.api;

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
import jakarta.ws.rs.core.UriInfo;

import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.service.ReferralDesk;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Referral intake for partner PCP systems and the clinic's intake staff. */
@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralResource {

    private final ReferralDesk desk;
    private final Caller caller;

    public ReferralResource(ReferralDesk desk, Caller caller) {
        this.desk = desk;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Submit a referral", description = "A partner PCP system refers a patient; 201 with Location.")
    public Response submit(@NotNull @Valid ReferralSubmission submission, UriInfo uri) {
        String partnerId = caller.partnerId().orElseThrow(() -> Problems.of(Response.Status.FORBIDDEN, "PARTNER_ID_MISSING",
                "a partner token must carry the partner_id claim"));
        Referral referral = desk.submit(partnerId, submission);
        return Response.created(URI.create(uri.getBaseUri() + "api/referrals/" + referral.id()))
                .entity(ReferralView.of(referral))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Read one referral", description = "A partner sees only its own; another partner's id is 404 like a missing one.")
    public ReferralView get(@PathParam("id") UUID id) {
        return ReferralView.of(visible(id));
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Accept a referral", description = "Publishes ReferralAccepted; 409 when the status does not allow it.")
    public ReferralView accept(@PathParam("id") UUID id) {
        return ReferralView.of(desk.accept(id));
    }

    private Referral visible(UUID id) {
        Referral referral = desk.find(id).orElseThrow(() -> Problems.notFound("referral", id));
        if (caller.isPartnerOnly() && !referral.belongsTo(caller.partnerId().orElse(null))) {
            throw Problems.notFound("referral", id);
        }
        return referral;
    }
}
