package org.botoxclinic.insurance.authorization.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.insurance.authorization.service.AuthorizationDesk;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.web.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The authorization specialists' work queue and the actions on one case. */
@Path("/api/authorizations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUTHORIZATIONS, Roles.ADMIN})
@Tag(name = "Authorizations")
public class AuthorizationResource {

    private final AuthorizationDesk desk;

    public AuthorizationResource(AuthorizationDesk desk) {
        this.desk = desk;
    }

    @GET
    @Operation(summary = "The work queue", description = "Cases by referral, or all cases with the earliest decision due first.")
    public List<AuthorizationView> list(@QueryParam("referralId") UUID referralId,
                                        @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
        var cases = referralId != null ? desk.byReferral(referralId) : desk.queue(limit);
        return cases.stream().map(AuthorizationView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One case with its lines, decision and usage")
    public AuthorizationView get(@PathParam("id") UUID id) {
        return desk.find(id).map(AuthorizationView::of).orElseThrow(() -> Problems.notFound("authorization case", id));
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the submission to the payer", description = "Starts the payer's decision clock.")
    public AuthorizationView submit(@PathParam("id") UUID id, @NotNull @Valid SubmissionRequest request) {
        return AuthorizationView.of(desk.submit(id, request.channel(), request.payerReference(), request.expedited(),
                request.submittedAt()));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record the payer's decision", description = "An approval publishes AuthorizationApproved.")
    public AuthorizationView decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        return AuthorizationView.of(desk.decide(id, request.toDecision()));
    }
}
