package org.botoxclinic.console.web;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.console.signin.ConsoleUser;
import org.botoxclinic.console.signin.CurrentUser;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/** The start page: the first section of the user's groups, or sign-in. */
@Path("/")
public class HomeResource {

    @Inject
    CurrentUser currentUser;
    @Inject
    Pages pages;
    @Inject
    @Location("home.html")
    Template home;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response home() {
        ConsoleUser user = currentUser.require();
        List<Section> sections = Section.visibleTo(user);
        if (!sections.isEmpty()) {
            return Response.seeOther(URI.create(sections.get(0).path())).build();
        }
        return Response.ok(pages.page(home, null)).build();
    }
}
