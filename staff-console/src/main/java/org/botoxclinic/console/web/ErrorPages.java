package org.botoxclinic.console.web;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.botoxclinic.console.signin.NotInGroup;
import org.botoxclinic.console.signin.SignInRequired;
import org.botoxclinic.console.upstream.UpstreamRefusal;
import org.botoxclinic.console.upstream.UpstreamUnavailable;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * What a person sees when a page cannot be shown: sent to sign in, refused for their groups, or told in words what a
 * service refused or that it is not answering. Refusals a page can place next to a field are handled by the page.
 */
public class ErrorPages {

    @Inject
    Pages pages;
    @Inject
    @Location("error.html")
    Template error;

    @ServerExceptionMapper
    public Response signIn(SignInRequired e, HttpHeaders headers) {
        return toSignIn(headers);
    }

    @ServerExceptionMapper
    public Response notInGroup(NotInGroup e, HttpHeaders headers, UriInfo uri) {
        return page(headers, uri, 403, "Not for your groups",
                "This page is for the groups " + String.join(", ", e.groups()) + ". Sign in with one of them.", null);
    }

    @ServerExceptionMapper
    public Response refused(UpstreamRefusal e, HttpHeaders headers, UriInfo uri) {
        return switch (e.status()) {
            // The token has ended or is not accepted (any more): sign in again.
            case 401 -> toSignIn(headers);
            case 403 -> page(headers, uri, 403, "Not allowed", e.service() + " does not allow this for your groups.", e.service());
            case 404 -> page(headers, uri, 404, "Not found", "There is no such record (or it is not yours to see).", e.service());
            default -> page(headers, uri, e.status(), "Refused", e.problem().summary(), e.service());
        };
    }

    @ServerExceptionMapper
    public Response unavailable(UpstreamUnavailable e, HttpHeaders headers, UriInfo uri) {
        return page(headers, uri, 503, "Service not answering",
                e.service() + " is not answering at the moment. Try again in a little while.", e.service());
    }

    private Response page(HttpHeaders headers, UriInfo uri, int status, String title, String message, String service) {
        if (headers.getHeaderString("HX-Request") != null) {
            // A part of a page asked for by htmx cannot hold a whole page: the browser loads the address itself,
            // and that full request shows the page below.
            String target = uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null ? "" : "?" + uri.getRequestUri().getRawQuery());
            return Response.ok().header("HX-Redirect", target).build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page(error, null).data("title", title).data("message", message).data("service", service).render())
                .build();
    }

    private static Response toSignIn(HttpHeaders headers) {
        if (headers.getHeaderString("HX-Request") != null) {
            // htmx follows a redirect inside the page; this makes it load the sign-in page as a whole.
            return Response.ok().header("HX-Redirect", "/sign-in").build();
        }
        return Response.seeOther(URI.create("/sign-in")).build();
    }
}
