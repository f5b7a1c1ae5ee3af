package org.botoxclinic.console.intake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

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

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Intake: the queue of referrals (referral-service's work queue: urgent first, then oldest) with its triage flags and
 * filters, and a referral's detail. A filter the service refuses is shown next to its field.
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
    public TemplateInstance referral(@PathParam("id") UUID id) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        Referral referral = Upstream.call(ReferralApi.SERVICE, () -> referrals.referral(user.authorization(), id));
        return pages.page(detail, Section.INTAKE).data("referral", referral);
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
