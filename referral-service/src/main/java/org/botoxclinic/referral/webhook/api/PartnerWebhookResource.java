package org.botoxclinic.referral.webhook.api;

import java.time.Clock;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.referral.webhook.service.PartnerWebhookService;
import org.botoxclinic.platform.time.Timestamps;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A partner's own webhook: where timeline entries of its referrals are POSTed, signed, and what became of them. */
@Path("/api/partners/me/webhook")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PARTNER)
@Tag(name = "Partner webhooks")
public class PartnerWebhookResource {

    private final PartnerWebhookService webhooks;
    private final Caller caller;
    private final Clock clock;

    public PartnerWebhookResource(PartnerWebhookService webhooks, Caller caller, Clock clock) {
        this.webhooks = webhooks;
        this.caller = caller;
        this.clock = clock;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or replace the webhook",
            description = "Every new timeline entry of this partner's referrals is POSTed to the URL with headers "
                    + "Clinic-Delivery-Id, Clinic-Timestamp (Unix seconds) and Clinic-Signature: v1=<hex HMAC-SHA256 of "
                    + "\"<Clinic-Delivery-Id>.<Clinic-Timestamp>.<body>\" with the secret> (one v1 per active secret). "
                    + "At least once; retried with back-off. The URL must be https on port 443 at a public internet "
                    + "address (checked again at every call, and the address checked is the one called); the secret is "
                    + "required to register and, when given on a replacement, replaces the secrets in force at once. 400 names the refused field: for the URL the rule, never an address.")
    public WebhookView register(@NotNull @Valid WebhookRegistration registration) {
        return WebhookView.of(webhooks.register(partnerId(), registration.url(), Optional.ofNullable(registration.secret())),
                Timestamps.now(clock));
    }

    @GET
    @Operation(summary = "The registered webhook (without its secrets)")
    public WebhookView get() {
        return WebhookView.of(webhooks.get(partnerId()), Timestamps.now(clock));
    }

    @DELETE
    @Operation(summary = "Stop webhook calls", description = "Pending deliveries then fail as removed.")
    public Response remove() {
        webhooks.remove(partnerId());
        return Response.noContent().build();
    }

    @POST
    @Path("/secret-rotations")
    @Operation(summary = "Rotate the secret",
            description = "The clinic makes a new secret and returns it this once. Until previousSecretValidUntil "
                    + "(clinic.webhooks.secret-overlap after the rotation) or until the rotation is finished, every call "
                    + "carries two signatures, the new secret's first. Rotating again before finishing keeps the secret "
                    + "that was in force before the first rotation as the previous one. 201 with the new secret; 404 without a webhook.")
    public Response rotateSecret() {
        PartnerWebhookService.Rotation rotation = webhooks.rotateSecret(partnerId());
        return Response.status(Response.Status.CREATED)
                .entity(new SecretRotationView(rotation.newSecret(), rotation.webhook().previousSecretValidUntil()))
                .build();
    }

    @DELETE
    @Path("/previous-secret")
    @Operation(summary = "Finish the secret rotation",
            description = "The partner verifies with the new secret: calls stop being signed with the previous one. 409 NO_ROTATION_UNDER_WAY when there is none.")
    public WebhookView finishRotation() {
        return WebhookView.of(webhooks.finishRotation(partnerId()), Timestamps.now(clock));
    }

    @GET
    @Path("/deliveries")
    @Operation(summary = "Delivery attempts",
            description = "Oldest first, one page: {items, next}; pass next back as cursor for the following page "
                    + "(null on the last).")
    public Page<DeliveryView> deliveries(@QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                         @QueryParam("cursor") @Size(max = 200) String cursor) {
        return webhooks.deliveries(partnerId(), cursor, limit).map(DeliveryView::of);
    }

    private String partnerId() {
        return caller.requirePartnerId();
    }
}
