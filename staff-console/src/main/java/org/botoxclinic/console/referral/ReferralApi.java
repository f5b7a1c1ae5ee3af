package org.botoxclinic.console.referral;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.console.upstream.Upstream;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/**
 * referral-service's public API (CLINIC_REFERRAL_URL), called with the signed-in user's bearer token: the intake
 * queue, a referral, intake's decisions on it, its documents and its timeline. Every call goes through
 * {@link Upstream#call}.
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

    /** RECEIVED becomes ACCEPTED; 409 ILLEGAL_TRANSITION from any other status. */
    @POST
    @Path("/referrals/{id}/accept")
    Referral accept(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    /** RECEIVED or INFO_REQUESTED becomes DECLINED with the reason the practice is given (400 names {@code reason}). */
    @POST
    @Path("/referrals/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral decline(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id, Decisions.Decline body);

    /** RECEIVED becomes INFO_REQUESTED with the question the practice is asked (400 names {@code question}). */
    @POST
    @Path("/referrals/{id}/request-info")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral requestInfo(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                         Decisions.RequestInfo body);

    /** The patient withdrew: RECEIVED, INFO_REQUESTED or ACCEPTED becomes CANCELLED (400 names {@code reason}). */
    @POST
    @Path("/referrals/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    Referral cancel(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id, Decisions.Cancel body);

    /** The documents' metadata in the order they were attached, one page. */
    @GET
    @Path("/referrals/{id}/documents")
    DocumentPage documents(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                           @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor);

    /** A document's bytes with their recognised content type and Content-Disposition: attachment. */
    @GET
    @Path("/referrals/{id}/documents/{documentId}/content")
    @Produces(MediaType.WILDCARD)
    Response documentContent(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                             @PathParam("documentId") UUID documentId);

    /**
     * Attaches a document: its declared type and the file (the service recognises the content from the bytes: 415
     * for a kind it does not take, 413 over its size limit, 400 naming {@code type} or {@code file}).
     */
    @POST
    @Path("/referrals/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Document attach(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id,
                    @RestForm("type") String type, @RestForm("file") FileUpload file);

    /** The referral's timeline as its referring practice reads it (the same endpoint, open to intake and admin). */
    @GET
    @Path("/referrals/{id}/timeline")
    Timeline timeline(@HeaderParam("Authorization") String authorization, @PathParam("id") UUID id);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return Upstream.refusal(SERVICE, response);
    }
}
