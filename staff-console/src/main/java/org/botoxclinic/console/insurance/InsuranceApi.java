package org.botoxclinic.console.insurance;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.console.upstream.Upstream;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * insurance-service's public API (CLINIC_INSURANCE_URL): the authorization specialists' work queue and the actions on
 * one case, called with the signed-in user's bearer token; every call goes through {@link Upstream#call}.
 */
@RegisterRestClient(configKey = "insurance-service")
@Path("/api/authorizations")
@Produces(MediaType.APPLICATION_JSON)
public interface InsuranceApi {

    String SERVICE = "insurance-service";

    /** The work queue, most urgent first; {@code status} may list several statuses separated by commas. */
    @GET
    CasePage queue(@HeaderParam("Authorization") String authorization,
                   @QueryParam("status") String status,
                   @QueryParam("payerId") String payerId,
                   @QueryParam("indication") String indication,
                   @QueryParam("overdue") Boolean overdue,
                   @QueryParam("expiringWithinDays") String expiringWithinDays,
                   @QueryParam("limit") Integer limit,
                   @QueryParam("cursor") String cursor);

    @GET
    @Path("/{id}")
    AuthorizationCase authorization(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @PUT
    @Path("/{id}/requirements/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    AuthorizationCase updateRequirement(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                                        @PathParam("code") String code, Requests.RequirementUpdate update);

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    AuthorizationCase submit(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                             Requests.Submission submission);

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    AuthorizationCase decide(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                             Requests.Decision decision);

    @POST
    @Path("/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    AuthorizationCase appeal(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                             Requests.Appeal appeal);

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    AuthorizationCase withdraw(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                               Requests.Withdrawal withdrawal);

    /** The submission packet (a PDF the service prints for any case it holds), as the service answers it. */
    @GET
    @Path("/{id}/packet")
    @Produces("application/pdf")
    Response packet(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstream.refusal(SERVICE, response);
    }
}
