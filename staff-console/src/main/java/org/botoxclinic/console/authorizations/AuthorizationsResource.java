package org.botoxclinic.console.authorizations;

import java.io.InputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.console.insurance.AuthorizationCase;
import org.botoxclinic.console.insurance.CasePage;
import org.botoxclinic.console.insurance.InsuranceApi;
import org.botoxclinic.console.insurance.Requests;
import org.botoxclinic.console.signin.ConsoleUser;
import org.botoxclinic.console.signin.CurrentUser;
import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.Upstream;
import org.botoxclinic.console.upstream.UpstreamRefusal;
import org.botoxclinic.console.web.Pages;
import org.botoxclinic.console.web.Section;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Authorizations: insurance-service's work queue (decision clocks, overdue flags, filters) and one case's page: the
 * payer's checklist with evidence, submission, the payer's decision, appeal, withdrawal and the submission packet.
 * Every write is a form answered 303 back to the case with {@code ?done=}; a refusal re-renders the case with the
 * service's status and the reason next to the form (and field) that caused it.
 */
@Path("/authorizations")
@Produces(MediaType.TEXT_HTML)
public class AuthorizationsResource {

    static final Set<String> GROUPS = Section.AUTHORIZATIONS.groups();
    static final int PAGE_SIZE = 25;
    static final Map<String, String> DONE = Map.of(
            "requirement", "Checklist item saved.",
            "submitted", "Submitted to the payer; the decision clock is running.",
            "decided", "The payer's decision is recorded.",
            "appealed", "Appeal recorded; the payer's appeal clock is running.",
            "withdrawn", "Request withdrawn.");

    @Inject
    CurrentUser currentUser;
    @Inject
    Pages pages;
    @Inject
    @RestClient
    InsuranceApi insurance;
    @Inject
    @Location("authorizations/queue.html")
    Template queue;
    @Inject
    @Location("authorizations/queue-section.html")
    Template queueSection;
    @Inject
    @Location("authorizations/case.html")
    Template casePage;
    @ConfigProperty(name = "clinic.time-zone", defaultValue = "America/New_York")
    String timeZone;

    @GET
    public Response queue(@QueryParam("status") String status,
                          @QueryParam("payerId") String payerId,
                          @QueryParam("indication") String indication,
                          @QueryParam("overdue") String overdue,
                          @QueryParam("expiringWithinDays") String expiringWithinDays,
                          @QueryParam("cursor") String cursor,
                          @HeaderParam("HX-Request") String htmx) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        CaseQueueFilter filter = new CaseQueueFilter(blank(status), blank(payerId), blank(indication),
                "true".equals(overdue) || "on".equals(overdue), blank(expiringWithinDays));
        CasePage page = new CasePage(List.of(), null);
        Problem problem = null;
        int httpStatus = 200;
        try {
            page = Upstream.call(InsuranceApi.SERVICE, () -> insurance.queue(user.authorization(), filter.status(),
                    filter.payerId(), filter.indication(), filter.overdue() ? Boolean.TRUE : null,
                    filter.expiringWithinDays(), PAGE_SIZE, blank(cursor)));
        } catch (UpstreamRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            problem = refusal.problem();
            httpStatus = 400;
        }
        TemplateInstance view = pages.page(htmx != null ? queueSection : queue, Section.AUTHORIZATIONS)
                .data("filter", filter)
                .data("options", CaseQueueFilter.OPTIONS)
                .data("page", page)
                .data("firstPage", cursor == null || cursor.isBlank())
                .data("problem", problem)
                .data("errors", problem == null ? Map.of() : RefusalWords.fieldMessages(problem));
        return Response.status(httpStatus).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance authorization(@PathParam("id") UUID id, @QueryParam("done") String done) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        AuthorizationCase c = Upstream.call(InsuranceApi.SERVICE, () -> insurance.authorization(user.authorization(), id));
        return casePage(c, CaseForm.NONE).data("notice", done == null ? null : DONE.get(done));
    }

    /** The submission packet, streamed from insurance-service with its content type (a PDF, as an attachment). */
    @GET
    @Path("/{id}/packet")
    @Produces("application/pdf")
    public Response packet(@PathParam("id") UUID id) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Response upstream = Upstream.call(InsuranceApi.SERVICE, () -> insurance.packet(user.authorization(), id));
        if (upstream.getStatus() >= 400) {
            RuntimeException refusal = Upstream.refusal(InsuranceApi.SERVICE, upstream);
            upstream.close();
            throw refusal;
        }
        Response.ResponseBuilder answer = Response.ok(upstream.readEntity(InputStream.class),
                upstream.getMediaType() == null ? MediaType.valueOf("application/pdf") : upstream.getMediaType());
        String disposition = upstream.getHeaderString("Content-Disposition");
        answer.header("Content-Disposition", disposition == null
                ? "attachment; filename=\"authorization-" + id + "-packet.pdf\"" : disposition);
        return answer.header("Cache-Control", "no-store").build();
    }

    @POST
    @Path("/{id}/requirements/{code}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requirement(@PathParam("id") UUID id, @PathParam("code") String code,
                                @FormParam("met") String met, @FormParam("note") String note,
                                @FormParam("evidence") List<String> evidence) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        String form = "requirement:" + code;
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("met", "true".equals(met) ? "true" : "false");
        typed.put("note", note == null ? "" : note);
        typed.put("evidence", evidence == null ? "" : String.join(",", evidence));
        Map<String, String> errors = new LinkedHashMap<>();
        List<UUID> links = new java.util.ArrayList<>();
        for (String value : evidence == null ? List.<String>of() : evidence) {
            try {
                links.add(UUID.fromString(value));
            } catch (IllegalArgumentException e) {
                errors.put("evidenceDocumentIds", "Evidence must be one of the referral's documents");
            }
        }
        Requests.RequirementUpdate body = new Requests.RequirementUpdate("true".equals(met), blank(note), links);
        return act(user, id, form, typed, errors, "requirement",
                () -> insurance.updateRequirement(user.authorization(), id, code, body));
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response submit(@PathParam("id") UUID id, @FormParam("channel") String channel,
                           @FormParam("payerReference") String payerReference, @FormParam("expedited") String expedited,
                           @FormParam("override") String override, @FormParam("overrideReason") String overrideReason) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Map<String, String> typed = typed("channel", channel, "payerReference", payerReference, "overrideReason", overrideReason);
        if (expedited != null) {
            typed.put("expedited", "true");
        }
        if (override != null) {
            typed.put("override", "true");
        }
        Requests.Submission body = new Requests.Submission(blank(channel), blank(payerReference), expedited != null, null,
                override != null, blank(overrideReason));
        return act(user, id, "submit", typed, new LinkedHashMap<>(), "submitted",
                () -> insurance.submit(user.authorization(), id, body));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@PathParam("id") UUID id, @FormParam("outcome") String outcome,
                           @FormParam("authorizationNumber") String authorizationNumber,
                           @FormParam("approvedUnits") String approvedUnits, @FormParam("approvedVisits") String approvedVisits,
                           @FormParam("validFrom") String validFrom, @FormParam("validTo") String validTo,
                           @FormParam("denialReason") String denialReason, @FormParam("payerNote") String payerNote) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Map<String, String> typed = typed("outcome", outcome, "authorizationNumber", authorizationNumber,
                "approvedUnits", approvedUnits, "approvedVisits", approvedVisits, "validFrom", validFrom, "validTo", validTo,
                "denialReason", denialReason, "payerNote", payerNote);
        Map<String, String> errors = new LinkedHashMap<>();
        Requests.Decision body = new Requests.Decision(blank(outcome), blank(authorizationNumber),
                number(approvedUnits, "approvedUnits", errors), number(approvedVisits, "approvedVisits", errors),
                date(validFrom, "validFrom", errors), date(validTo, "validTo", errors), blank(denialReason), blank(payerNote));
        return act(user, id, "decision", typed, errors, "decided", () -> insurance.decide(user.authorization(), id, body));
    }

    @POST
    @Path("/{id}/appeal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response appeal(@PathParam("id") UUID id, @FormParam("submittedAt") String submittedAt,
                           @FormParam("reason") String reason) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Map<String, String> typed = typed("submittedAt", submittedAt, "reason", reason);
        Map<String, String> errors = new LinkedHashMap<>();
        OffsetDateTime at = OffsetDateTime.now(ZoneId.of(timeZone));
        if (blank(submittedAt) != null) {
            try {
                at = LocalDateTime.parse(submittedAt.strip()).atZone(ZoneId.of(timeZone)).toOffsetDateTime();
            } catch (DateTimeParseException e) {
                errors.put("submittedAt", "Date and time must be a date and time, e.g. 2026-03-01 09:30");
            }
        }
        Requests.Appeal body = new Requests.Appeal(at, blank(reason));
        return act(user, id, "appeal", typed, errors, "appealed", () -> insurance.appeal(user.authorization(), id, body));
    }

    @POST
    @Path("/{id}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("id") UUID id, @FormParam("reason") String reason) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Requests.Withdrawal body = new Requests.Withdrawal(blank(reason));
        return act(user, id, "withdraw", typed("reason", reason), new LinkedHashMap<>(), "withdrawn",
                () -> insurance.withdraw(user.authorization(), id, body));
    }

    /**
     * One action: with nothing wrong in the form, the service is called; success is 303 back to the case with the
     * notice, a refusal (400, 409, 422) the case again with that status and the reason beside the form.
     */
    private Response act(ConsoleUser user, UUID id, String form, Map<String, String> typed, Map<String, String> errors,
                         String done, Supplier<AuthorizationCase> call) {
        if (!errors.isEmpty()) {
            AuthorizationCase c = Upstream.call(InsuranceApi.SERVICE, () -> insurance.authorization(user.authorization(), id));
            CaseForm state = new CaseForm(form, "Not saved: please correct the fields marked below.", errors, typed);
            return Response.status(400).entity(casePage(c, state)).build();
        }
        try {
            Upstream.call(InsuranceApi.SERVICE, call);
        } catch (UpstreamRefusal refusal) {
            if (refusal.status() != 400 && refusal.status() != 409 && refusal.status() != 422) {
                throw refusal;
            }
            AuthorizationCase c = Upstream.call(InsuranceApi.SERVICE, () -> insurance.authorization(user.authorization(), id));
            CaseForm state = new CaseForm(form, RefusalWords.sentence(refusal.problem(), c, form, refusal.status()),
                    RefusalWords.fieldMessages(refusal.problem()), typed);
            return Response.status(refusal.status()).entity(casePage(c, state)).build();
        }
        return Response.seeOther(URI.create("/authorizations/" + id + "?done=" + done)).build();
    }

    private TemplateInstance casePage(AuthorizationCase c, CaseForm state) {
        return pages.page(casePage, Section.AUTHORIZATIONS)
                .data("c", c)
                .data("state", state)
                .data("notice", null)
                .data("channels", List.of("PORTAL", "FAX", "PHONE", "ELECTRONIC"))
                .data("outcomes", List.of("APPROVED", "PARTIALLY_APPROVED", "DENIED", "PENDED"))
                .data("today", LocalDate.now(ZoneId.of(timeZone)));
    }

    private static Map<String, String> typed(String... namesAndValues) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return typed;
    }

    private static Integer number(String value, String field, Map<String, String> errors) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            errors.put(field, RefusalWords.LABELS.get(field) + " must be a whole number");
            return null;
        }
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (blank(value) == null) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.put(field, RefusalWords.LABELS.get(field) + " must be a date, e.g. 2026-03-01");
            return null;
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
