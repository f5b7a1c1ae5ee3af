package org.botoxclinic.referral.webhook.api;

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

    public PartnerWebhookResource(PartnerWebhookService webhooks, Caller caller) {
        this.webhooks = webhooks;
        this.caller = caller;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register or replace the webhook",
            description = "Every new timeline entry of this partner's referrals is POSTed to the URL with header "
                    + "X-Clinic-Signature: sha256=<hex HMAC-SHA256 of the body with the secret>. At least once; retried with back-off.")
    public WebhookView register(@NotNull @Valid WebhookRegistration registration) {
        return WebhookView.of(webhooks.register(partnerId(), registration.url(), registration.secret()));
    }

    @GET
    @Operation(summary = "The registered webhook (without its secret)")
    public WebhookView get() {
        return WebhookView.of(webhooks.get(partnerId()));
    }

    @DELETE
    @Operation(summary = "Stop webhook calls", description = "Pending deliveries then fail as removed.")
    public Response remove() {
        webhooks.remove(partnerId());
        return Response.noContent().build();
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
