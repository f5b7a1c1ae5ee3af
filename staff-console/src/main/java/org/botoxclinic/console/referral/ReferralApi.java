package org.botoxclinic.console.referral;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
 * referral-service's public API (CLINIC_REFERRAL_URL), called with the signed-in user's bearer token. Only what the
 * console shows so far; every call goes through {@link Upstream#call}.
 */
@RegisterRestClient(configKey = "referral-service")
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public interface ReferralApi {

    String SERVICE = "referral-service";

    @GET
    @Path("/referrals")
    ReferralPage queue(@HeaderParam("Authorization") String authorization,
                       @QueryParam("status") String status,
                       @QueryParam("indication") String indication,
                       @QueryParam("triage") String triage,
                       @QueryParam("receivedFrom") String receivedFrom,
                       @QueryParam("receivedTo") String receivedTo,
                       @QueryParam("limit") Integer limit,
                       @QueryParam("cursor") String cursor);

    @GET
    @Path("/referrals/{id}")
    Referral referral(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstream.refusal(SERVICE, response);
    }
}
