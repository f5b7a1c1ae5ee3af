package org.botoxclinic.referral.referral.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.web.UniqueViolationMapper;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.ReferralQuery;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.ReferralStatus;
import org.botoxclinic.referral.referral.domain.TriageOutcome;
import org.botoxclinic.referral.referral.service.IntakeRateLimit;
import org.botoxclinic.referral.referral.service.NewReferral;
import org.botoxclinic.referral.referral.service.ReferralService;
import org.botoxclinic.referral.referral.service.SubmitResult;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Referral intake for partner PCP systems and the clinic's intake staff, and the staff's decisions. */
@Path("/api/referrals")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Referrals")
public class ReferralResource {

    private final ReferralService referrals;
    private final SubmissionFingerprint fingerprint;
    private final Validator validator;
    private final Caller caller;
    private final Clock clock;
    private final IntakeRateLimit rateLimit;

    public ReferralResource(ReferralService referrals, SubmissionFingerprint fingerprint, Validator validator,
                            Caller caller, Clock clock, IntakeRateLimit rateLimit) {
        this.referrals = referrals;
        this.rateLimit = rateLimit;
        this.fingerprint = fingerprint;
        this.validator = validator;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE})
    @Operation(summary = "Submit a referral",
            description = "A partner PCP system refers a patient (or intake staff enter a patient's call). 201 with Location; "
                    + "an identical resend (same externalReferralId or Idempotency-Key) is 200 with the same referral; "
                    + "the same id with different content is 409. Unknown fields are refused. A partner over its "
                    + "rate limit is refused with 429 and Retry-After, and nothing is stored.")
    public Response submit(ReferralSubmission submission,
                           @HeaderParam("Idempotency-Key") @Size(min = 1, max = 128) @Pattern(regexp = "[\\x21-\\x7E]+") String idempotencyKey,
                           UriInfo uri) {
        if (submission == null) {
            throw new InvalidInputException("body", "a referral is required");
        }
        ReferralSource source = caller.isIn(Roles.PARTNER) ? ReferralSource.PARTNER : ReferralSource.PHONE;
        String partnerId = source == ReferralSource.PARTNER ? partnerId() : null;
        if (partnerId != null) {
            rateLimit.admit(partnerId);
        }
        Map<String, String> violations = new LinkedHashMap<>();
        for (ConstraintViolation<ReferralSubmission> v : validator.validate(submission)) {
            violations.putIfAbsent(field(v.getPropertyPath().toString()), v.getMessage());
        }
        var patient = submission.patient();
        var provider = submission.referringProvider();
        referrals.ruleViolations(source, submission.externalReferralId(), provider == null ? null : provider.npi(),
                        submission.indication(), submission.diagnosisCodes(), patient == null ? null : patient.dateOfBirth())
                .forEach(violations::putIfAbsent);
        InvalidInputException.throwIfAny(violations);
        NewReferral referral = submission.toNewReferral(source, partnerId, idempotencyKey, fingerprint.of(submission),
                caller.subject());
        SubmitResult result;
        try {
            result = referrals.submit(referral);
        } catch (RuntimeException e) {
            // A resend (or a concurrent twin) met the unique index: the earlier referral answers, or a 409.
            if (!UniqueViolationMapper.isUniqueViolation(e)) {
                throw e;
            }
            result = referrals.replay(referral);
        }
        ReferralView view = ReferralView.of(result.referral());
        URI location = URI.create(uri.getBaseUri() + "api/referrals/" + view.id());
        return (result.created() ? Response.created(location) : Response.ok().location(location)).entity(view).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Read one referral", description = "A partner sees only its own; another partner's id is 404 like a missing one.")
    public ReferralView get(@PathParam("id") UUID id) {
        return ReferralView.of(referrals.read(id, partnerScope()));
    }

    @GET
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "The intake work queue",
            description = "Urgent first, then oldest first. A partner sees its own referrals. One page: {items, next}; "
                    + "pass next back as cursor for the following page (null on the last).")
    public Page<ReferralView> list(@QueryParam("status") String statusParam,
                             @QueryParam("indication") String indicationParam,
                             @QueryParam("triage") String triageParam,
                             @QueryParam("receivedFrom") String receivedFromParam,
                             @QueryParam("receivedTo") String receivedToParam,
                             @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit,
                             @QueryParam("cursor") @Size(max = 200) String cursor) {
        ReferralStatus status = QueryParams.enumValue("status", statusParam, ReferralStatus.class);
        Indication indication = QueryParams.enumValue("indication", indicationParam, Indication.class);
        TriageOutcome triage = QueryParams.enumValue("triage", triageParam, TriageOutcome.class);
        LocalDate receivedFrom = QueryParams.date("receivedFrom", receivedFromParam);
        LocalDate receivedTo = QueryParams.date("receivedTo", receivedToParam);
        var zone = clock.getZone();
        ReferralQuery query = new ReferralQuery(partnerScope(), status, indication, triage,
                receivedFrom == null ? null : receivedFrom.atStartOfDay(zone).toOffsetDateTime(),
                receivedTo == null ? null : receivedTo.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        return referrals.queue(query, cursor, limit).map(ReferralView::of);
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Accept a referral", description = "Publishes ReferralAccepted; 409 when the status does not allow it.")
    public ReferralView accept(@PathParam("id") UUID id) {
        return ReferralView.of(referrals.accept(id));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Decline a referral", description = "Publishes ReferralDeclined with the reason given to the PCP.")
    public ReferralView decline(@PathParam("id") UUID id, @NotNull @Valid DecisionRequests.Decline body) {
        return ReferralView.of(referrals.decline(id, body.reason()));
    }

    @POST
    @Path("/{id}/request-info")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Ask the referring practice for information")
    public ReferralView requestInfo(@PathParam("id") UUID id, @NotNull @Valid DecisionRequests.RequestInfo body) {
        return ReferralView.of(referrals.requestInformation(id, body.question()));
    }

    @POST
    @Path("/{id}/info")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.PARTNER)
    @Operation(summary = "Answer the clinic's question", description = "Back to intake, screened again.")
    public ReferralView provideInfo(@PathParam("id") UUID id, @NotNull @Valid DecisionRequests.ProvideInfo body) {
        var insurance = body.insurance();
        return ReferralView.of(referrals.provideInformation(id, partnerId(), body.answer(), body.clinicalDetails(),
                insurance == null ? null : insurance.toCoverage()));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PARTNER, Roles.INTAKE, Roles.ADMIN})
    @Operation(summary = "Cancel a referral", description = "The patient withdrew; publishes ReferralCancelled.")
    public ReferralView cancel(@PathParam("id") UUID id, @NotNull @Valid DecisionRequests.Cancel body) {
        return ReferralView.of(referrals.cancel(id, partnerScope(), body.reason()));
    }

    private String partnerScope() {
        return caller.partnerScope();
    }

    private String partnerId() {
        return caller.requirePartnerId();
    }

    /** "patient.firstName", "diagnosisCodes[0]": the path a client knows, without validator decorations. */
    static String field(String path) {
        return path.replace(".<list element>", "").replace("<list element>", "").replace(".<map value>", "");
    }
}
