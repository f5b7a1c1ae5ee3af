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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.CaseStatus;
import org.botoxclinic.insurance.authorization.domain.QueueFilter;
import org.botoxclinic.insurance.authorization.service.AuthorizationCaseService;
import org.botoxclinic.insurance.authorization.service.PayerDecisionService;
import org.botoxclinic.insurance.authorization.service.SubmissionPacketService;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.time.Timestamps;
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

    private final AuthorizationCaseService cases;
    private final PayerDecisionService decisions;
    private final SubmissionPacketService packets;
    private final Clock clock;

    public AuthorizationResource(AuthorizationCaseService cases, PayerDecisionService decisions,
                                 SubmissionPacketService packets, Clock clock) {
        this.cases = cases;
        this.decisions = decisions;
        this.packets = packets;
        this.clock = clock;
    }


    @GET
    @Transactional
    @Operation(summary = "The work queue, most urgent first",
            description = "Payer answers due (overdue first), then cases waiting on staff, then running approvals by end of "
                    + "window, then closed cases. Filters combine with 'and'. Pass a page's 'next' back as ?cursor= "
                    + "for the following page; 'next' is null on the last one.")
    @APIResponse(responseCode = "200", description = "One page of the queue: {items, next}, next null on the last page")
    public Page<AuthorizationSummary> list(@QueryParam("status") List<String> status,
                                           @QueryParam("payerId") String payerId,
                                           @QueryParam("indication") String indication,
                                           @QueryParam("referralId") String referralId,
                                           @QueryParam("overdue") @DefaultValue("false") boolean overdue,
                                           @QueryParam("expiringWithinDays") @Min(0) @Max(3650) Integer expiringWithinDays,
                                           @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit,
                                           @QueryParam("cursor") String cursor) {
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
        Cursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = AuthorizationCaseService.queueCursor(cursor.strip());
            } catch (InvalidInputException e) {
                violations.putAll(e.fieldMessages());
            }
        }
        InvalidInputException.throwIfAny(violations);
        QueueFilter filter = new QueueFilter(statuses, blankToNull(payerId),
                blankToNull(indication) == null ? null : indication.strip().toUpperCase(Locale.ROOT), referral, overdue,
                expiringWithinDays);
        OffsetDateTime now = Timestamps.now(clock);
        return cases.queue(filter, limit, after).map(c -> AuthorizationSummary.of(c, now));
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One case: lines, checklist, status history, decision clock, units and visits, linked cases")
    public AuthorizationView get(@PathParam("id") UUID id) {
        return view(cases.read(id));
    }

    @PUT
    @Path("/{id}/requirements/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Mark a checklist item met or not, with a note and the referral's documents that show it",
            description = "Only before submission, when pended, or when denied (409 otherwise). An item whose "
                    + "'evidenceDocumentTypes' is set can only be met with at least one linked document of one of those "
                    + "types: 422 EVIDENCE_REQUIRED without any, 422 EVIDENCE_TYPE_NOT_ACCEPTED when none fits; an id "
                    + "that is not a document of the case's referral is 422 EVIDENCE_NOT_ON_REFERRAL. Each names the "
                    + "'requirement' and the 'field'.")
    @APIResponse(responseCode = "200", description = "The case with the item changed")
    @APIResponse(responseCode = "404", description = "No such case, or no such item on its checklist")
    @APIResponse(responseCode = "409", description = "The case's checklist may not change in its status")
    @APIResponse(responseCode = "422", description = "The evidence rule refuses the change (see description)")
    public AuthorizationView updateRequirement(@PathParam("id") UUID id, @PathParam("code") String code,
                                               @NotNull @Valid RequirementUpdate request) {
        return view(cases.updateRequirement(id, code, request.met(), request.note(), request.evidenceDocumentIds()));
    }

    @GET
    @Path("/{id}/packet")
    @Produces("application/pdf")
    @Transactional
    @Operation(summary = "The submission cover sheet for the payer, as a PDF",
            description = "Patient (name, birth date), payer and member id, the CPT and HCPCS (J-code) lines with units, "
                    + "diagnosis codes, the requested treatments, and the checklist with each item's status and its "
                    + "evidence by file name and SHA-256. A read of patient data: audited (READ_PACKET). Names are printed "
                    + "in the WinAnsi (Latin-1) character set; other characters are transliterated.")
    @APIResponse(responseCode = "200", description = "The PDF, as an attachment",
            content = @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such case",
            content = @Content(mediaType = "application/problem+json"))
    public Response packet(@PathParam("id") UUID id) {
        byte[] pdf = SubmissionPacketPdf.write(packets.packet(id));
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"authorization-" + id + "-packet.pdf\"")
                .header("Cache-Control", "no-store")
                .build();
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
        return view(decisions.submit(id, request.channel(), request.payerReference(), request.expedited(),
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
        return view(decisions.decide(id, request.toDecision()));
    }

    @POST
    @Path("/{id}/appeal")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Appeal a denial", description = "The case becomes APPEALED with the payer's appeal due date.")
    public AuthorizationView appeal(@PathParam("id") UUID id, @NotNull @Valid AppealRequest request) {
        return view(decisions.appeal(id, request.submittedAt(), request.reason()));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Withdraw the request")
    public AuthorizationView withdraw(@PathParam("id") UUID id, @NotNull @Valid WithdrawalRequest request) {
        return view(cases.withdraw(id, request.reason()));
    }

    private AuthorizationView view(AuthorizationCase c) {
        return AuthorizationView.of(c, cases.documentsOf(c), cases.nextCaseId(c.id()).orElse(null), Timestamps.now(clock));
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
