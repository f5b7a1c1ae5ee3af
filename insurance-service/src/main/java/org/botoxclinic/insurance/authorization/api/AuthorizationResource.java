package org.botoxclinic.insurance.authorization.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.CaseStatus;
import org.botoxclinic.insurance.authorization.service.AuthorizationDesk;
import org.botoxclinic.insurance.authorization.service.CaseQueue;
import org.botoxclinic.insurance.authorization.service.QueueCursor;
import org.botoxclinic.insurance.authorization.service.QueueFilter;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.Problems;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The authorization specialists' work queue and the actions on one case. */
@Path("/api/authorizations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.AUTHORIZATIONS, Roles.ADMIN})
@Tag(name = "Authorizations")
public class AuthorizationResource {

    /** Response header carrying the cursor of the next page (also given as a Link rel="next"). */
    public static final String NEXT_CURSOR = "X-Next-Cursor";

    private final AuthorizationDesk desk;
    private final CaseQueue queue;
    private final Clock clock;

    public AuthorizationResource(AuthorizationDesk desk, CaseQueue queue, Clock clock) {
        this.desk = desk;
        this.queue = queue;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "The work queue, most urgent first",
            description = "Payer answers due (overdue first), then cases waiting on staff, then running approvals by end of "
                    + "window, then closed cases. Filters combine with 'and'. The next page's cursor is in the "
                    + "X-Next-Cursor header and a Link rel=\"next\".")
    @APIResponse(responseCode = "200", description = "One page of the queue",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = AuthorizationSummary.class)))
    public Response list(@QueryParam("status") List<String> status,
                         @QueryParam("payerId") String payerId,
                         @QueryParam("indication") String indication,
                         @QueryParam("referralId") String referralId,
                         @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                         @QueryParam("expiringWithinDays") @Min(0) @Max(3650) Integer expiringWithinDays,
                         @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                         @QueryParam("cursor") String cursor,
                         @Context UriInfo uri) {
        Map<String, String> violations = new LinkedHashMap<>();
        List<CaseStatus> statuses = statuses(status, violations);
        UUID referral = null;
        if (referralId != null && !referralId.isBlank()) {
            try {
                referral = UUID.fromString(referralId.strip());
            } catch (IllegalArgumentException e) {
                violations.put("referralId", "must be a UUID");
            }
        }
        QueueCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = QueueCursor.decode(cursor.strip());
            } catch (IllegalArgumentException e) {
                violations.put("cursor", "is not a cursor this queue handed out");
            }
        }
        if (!violations.isEmpty()) {
            throw Problems.invalid(violations);
        }
        QueueFilter filter = new QueueFilter(statuses, blankToNull(payerId),
                blankToNull(indication) == null ? null : indication.strip().toUpperCase(Locale.ROOT), referral, overdue,
                expiringWithinDays);
        CaseQueue.Page page = queue.list(filter, limit, after);
        OffsetDateTime now = Timestamps.now(clock);
        Response.ResponseBuilder response = Response.ok(page.cases().stream().map(c -> AuthorizationSummary.of(c, now)).toList());
        if (page.next() != null) {
            String next = page.next().encode();
            response.header(NEXT_CURSOR, next)
                    .link(uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build(), "next");
        }
        return response.build();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One case: lines, checklist, status history, decision clock, units and visits, linked cases")
    public AuthorizationView get(@PathParam("id") UUID id) {
        AuthorizationCase c = desk.read(id).orElseThrow(() -> Problems.notFound("authorization case", id));
        return view(c);
    }

    @PUT
    @Path("/{id}/requirements/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Mark a checklist item met or not, with a note")
    public AuthorizationView updateRequirement(@PathParam("id") UUID id, @PathParam("code") String code,
                                               @NotNull @Valid RequirementUpdate request) {
        return view(desk.updateRequirement(id, code, request.met(), request.note()));
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Record the submission to the payer",
            description = "Starts the payer's decision clock and publishes AuthorizationSubmitted. Refused with 422 "
                    + "REQUIREMENTS_UNMET (listing 'unmet') while required items are unmet, unless override is true "
                    + "with an overrideReason.")
    public AuthorizationView submit(@PathParam("id") UUID id, @NotNull @Valid SubmissionRequest request) {
        return view(desk.submit(id, request.channel(), request.payerReference(), request.expedited(),
                request.submittedAt(), request.override(), request.overrideReason()));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Record the payer's decision",
            description = "An approval publishes AuthorizationApproved, a denial AuthorizationDenied. PENDED returns the "
                    + "case to its checklist for another submission.")
    public AuthorizationView decide(@PathParam("id") UUID id, @NotNull @Valid DecisionRequest request) {
        return view(desk.decide(id, request.toDecision()));
    }

    @POST
    @Path("/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Appeal a denial", description = "The case becomes APPEALED with the payer's appeal due date.")
    public AuthorizationView appeal(@PathParam("id") UUID id, @NotNull @Valid AppealRequest request) {
        return view(desk.appeal(id, request.submittedAt(), request.reason()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Withdraw the request")
    public AuthorizationView withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawalRequest request) {
        return view(desk.withdraw(id, request.reason()));
    }

    private AuthorizationView view(AuthorizationCase c) {
        return AuthorizationView.of(c, desk.nextCaseId(c.id()).orElse(null), Timestamps.now(clock));
    }

    private static List<CaseStatus> statuses(List<String> values, Map<String, String> violations) {
        List<CaseStatus> statuses = new ArrayList<>();
        for (String value : values == null ? List.<String>of() : values) {
            for (String part : value.split(",")) {
                if (part.isBlank()) {
                    continue;
                }
                try {
                    statuses.add(CaseStatus.valueOf(part.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    violations.put("status", "unknown status " + part.strip());
                }
            }
        }
        return statuses;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
