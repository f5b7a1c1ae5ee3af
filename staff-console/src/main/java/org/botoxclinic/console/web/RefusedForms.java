package org.botoxclinic.console.web;

import java.util.List;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * A write the CSRF check refused (no token, another form's token, a cookie that expired while the form sat open) is
 * answered 400 with no body by that check; this says in words what happened and what to do, and changes nothing.
 * The console's own pages always answer a 400 with a page of their own, so an empty 400 to a write is that refusal.
 */
public class RefusedForms {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    @Location("error.html")
    Template error;

    @ServerResponseFilter
    public void explain(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity() && !READS.contains(request.getMethod())) {
            // Without the signed-in header: its sign-out form would need the token this request did not carry.
            String page = error.data("user", null).data("nav", List.of()).data("current", null)
                    .data("title", "The form could not be sent")
                    .data("message", "This form has expired or was not opened in this console, so nothing was changed. "
                            + "Go back, reload the page and try again.")
                    .data("service", null)
                    .render();
            response.setEntity(page, null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        }
    }
}
