package org.botoxclinic.console.intake;

import java.io.InputStream;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.botoxclinic.console.referral.Decisions;
import org.botoxclinic.console.referral.Document;
import org.botoxclinic.console.referral.DocumentPage;
import org.botoxclinic.console.referral.Referral;
import org.botoxclinic.console.referral.ReferralApi;
import org.botoxclinic.console.referral.ReferralPage;
import org.botoxclinic.console.signin.ConsoleUser;
import org.botoxclinic.console.signin.CurrentUser;
import org.botoxclinic.console.upstream.Problem;
import org.botoxclinic.console.upstream.Upstream;
import org.botoxclinic.console.upstream.UpstreamRefusal;
import org.botoxclinic.console.web.Pages;
import org.botoxclinic.console.web.Section;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Intake: the queue of referrals (referral-service's work queue: urgent first, then oldest) with its triage flags and
 * filters; a referral's detail with intake's decisions (accept, decline, ask the practice, cancel) and its documents
 * (listed, downloaded through the console, added); the referral's timeline as its referring practice reads it. A
 * filter or a form the service refuses is shown next to its field, or next to the form for a refusal of the
 * referral's state (409).
 */
@Path("/intake")
@Produces(MediaType.TEXT_HTML)
public class IntakeResource {

    static final Set<String> GROUPS = Section.INTAKE.groups();
    static final int PAGE_SIZE = 25;

    @Inject
    CurrentUser currentUser;
    @Inject
    Pages pages;
    @Inject
    @RestClient
    ReferralApi referrals;
    @Inject
    @Location("intake/queue.html")
    Template queue;
    @Inject
    @Location("intake/queue-section.html")
    Template queueSection;
    @Inject
    @Location("intake/referral.html")
    Template detail;
    @Inject
    @Location("intake/timeline.html")
    Template timelinePage;

    /** What each {@code ?done=} a decision sends the person back with says on the page. */
    static final Map<String, String> DONE = Map.of(
            "accepted", "Referral accepted. The insurance team is told to start the prior authorization.",
            "declined", "Referral declined. The referring practice is told the reason.",
            "info-requested", "Question sent to the referring practice. The referral waits for its answer.",
            "cancelled", "Referral cancelled.",
            "document-added", "Document added to the referral.");
    /** The refusals a form shows in place (the status the service gave); others go to the error page. */
    static final Set<Integer> SHOWN_IN_PLACE = Set.of(400, 409, 413, 415, 422);

    @GET
    public Response queue(@QueryParam("status") String status,
                          @QueryParam("indication") String indication,
                          @QueryParam("triage") String triage,
                          @QueryParam("receivedFrom") String receivedFrom,
                          @QueryParam("receivedTo") String receivedTo,
                          @QueryParam("cursor") String cursor,
                          @HeaderParam("HX-Request") String htmx) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        QueueFilter filter = new QueueFilter(status == null ? QueueFilter.DEFAULT_STATUS : status, blank(indication),
                blank(triage), blank(receivedFrom), blank(receivedTo));
        ReferralPage page = new ReferralPage(List.of(), null);
        Problem problem = null;
        int httpStatus = 200;
        try {
            page = Upstream.call(ReferralApi.SERVICE, () -> referrals.queue(user.authorization(), blank(filter.status()),
                    filter.indication(), filter.triage(), filter.receivedFrom(), filter.receivedTo(), PAGE_SIZE, blank(cursor)));
        } catch (UpstreamRefusal refusal) {
            if (refusal.status() != 400) {
                throw refusal;
            }
            problem = refusal.problem();
            httpStatus = 400;
        }
        // htmx asks for the queue section alone (filters and results); a plain request gets the whole page.
        TemplateInstance view = pages.page(htmx != null ? queueSection : queue, Section.INTAKE)
                .data("filter", filter)
                .data("options", QueueFilter.OPTIONS)
                .data("page", page)
                .data("firstPage", cursor == null || cursor.isBlank())
                .data("problem", problem)
                .data("errors", fieldMessages(problem));
        return Response.status(httpStatus).entity(view).build();
    }

    @GET
    @Path("/{id}")
    public TemplateInstance referral(@PathParam("id") UUID id, @QueryParam("done") String done) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        return detailPage(user, id, done == null ? null : DONE.get(done), Refusals.NONE);
    }

    @POST
    @Path("/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") UUID id) {
        return decide(id, "accept", Map.of(), "accepted", auth -> referrals.accept(auth, id));
    }

    @POST
    @Path("/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") UUID id, @RestForm("reason") String reason) {
        return decide(id, "decline", typed("reason", reason), "declined",
                auth -> referrals.decline(auth, id, new Decisions.Decline(reason == null ? "" : reason)));
    }

    @POST
    @Path("/{id}/request-info")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response requestInfo(@PathParam("id") UUID id, @RestForm("question") String question) {
        return decide(id, "request-info", typed("question", question), "info-requested",
                auth -> referrals.requestInfo(auth, id, new Decisions.RequestInfo(question == null ? "" : question)));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") UUID id, @RestForm("reason") String reason) {
        return decide(id, "cancel", typed("reason", reason), "cancelled",
                auth -> referrals.cancel(auth, id, new Decisions.Cancel(reason == null ? "" : reason)));
    }

    /** Adds a document (multipart: its type and the file), passed on to referral-service as the person chose it. */
    @POST
    @Path("/{id}/documents")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response attach(@PathParam("id") UUID id, @RestForm("type") String type, @RestForm("file") FileUpload file) {
        // A form sent without a chosen file carries an empty part with no name: that is no file at all.
        FileUpload chosen = file == null || ((file.fileName() == null || file.fileName().isBlank()) && file.size() == 0)
                ? null : file;
        return decide(id, "upload", typed("type", type), "document-added",
                auth -> referrals.attach(auth, id, blank(type), chosen));
    }

    /** A document's bytes, streamed as referral-service sends them, with its content type and file name. */
    @GET
    @Path("/{id}/documents/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response download(@PathParam("id") UUID id, @PathParam("documentId") UUID documentId) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Response upstream = Upstream.call(ReferralApi.SERVICE,
                () -> referrals.documentContent(user.authorization(), id, documentId));
        RuntimeException refused = Upstream.refusal(ReferralApi.SERVICE, upstream);
        if (refused != null) {
            throw refused;
        }
        InputStream bytes = upstream.readEntity(InputStream.class);
        StreamingOutput body = out -> {
            try (InputStream in = bytes) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.ok(body, upstream.getMediaType())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("X-Content-Type-Options", "nosniff");
        copy(upstream, response, "Content-Disposition");
        copy(upstream, response, HttpHeaders.CONTENT_LENGTH);
        return response.build();
    }

    /** The referral's timeline as its referring practice reads it, in the clinic's time zone. */
    @GET
    @Path("/{id}/timeline")
    public TemplateInstance timeline(@PathParam("id") UUID id) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Referral referral = Upstream.call(ReferralApi.SERVICE, () -> referrals.referral(user.authorization(), id));
        var timeline = Upstream.call(ReferralApi.SERVICE, () -> referrals.timeline(user.authorization(), id));
        return pages.page(timelinePage, Section.INTAKE).data("referral", referral).data("timeline", timeline);
    }

    /**
     * One decision (or document) on a referral: on success 303 back to its page saying what was done; a refusal the
     * page can explain re-renders it with the service's status, the message next to its cause and what was typed.
     */
    private Response decide(UUID id, String form, Map<String, String> typed, String done, Function<String, Object> call) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        try {
            Upstream.call(ReferralApi.SERVICE, () -> call.apply(user.authorization()));
        } catch (UpstreamRefusal refusal) {
            if (!SHOWN_IN_PLACE.contains(refusal.status())) {
                throw refusal;
            }
            return Response.status(refusal.status())
                    .entity(detailPage(user, id, null, Refusals.of(form, refusal, typed))).build();
        }
        return Response.seeOther(URI.create("/intake/" + id + "?done=" + done)).build();
    }

    private TemplateInstance detailPage(ConsoleUser user, UUID id, String done, Refusals refusals) {
        Referral referral = Upstream.call(ReferralApi.SERVICE, () -> referrals.referral(user.authorization(), id));
        DocumentPage documents = Upstream.call(ReferralApi.SERVICE,
                () -> referrals.documents(user.authorization(), id, DOCUMENTS_SHOWN, null));
        return pages.page(detail, Section.INTAKE)
                .data("referral", referral)
                .data("actions", Actions.of(referral.status()))
                .data("documents", documents)
                .data("documentTypes", Document.TYPES)
                .data("done", done)
                .data("refusals", refusals);
    }

    static final int DOCUMENTS_SHOWN = 200;

    private static Map<String, String> typed(String field, String value) {
        return value == null ? Map.of() : Map.of(field, value);
    }

    private static void copy(Response from, Response.ResponseBuilder to, String header) {
        String value = from.getHeaderString(header);
        if (value != null) {
            to.header(header, value);
        }
    }

    /** The refusal's messages by the filter they are about (the service names the query parameter). */
    static Map<String, String> fieldMessages(Problem problem) {
        Map<String, String> messages = new HashMap<>();
        if (problem != null) {
            for (Problem.Violation violation : problem.violationList()) {
                if (violation.field() != null) {
                    String field = violation.field().substring(violation.field().lastIndexOf('.') + 1);
                    messages.putIfAbsent(field, violation.message());
                }
            }
        }
        return messages;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
