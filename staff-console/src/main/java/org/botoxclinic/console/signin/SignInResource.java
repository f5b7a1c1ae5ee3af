package org.botoxclinic.console.signin;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.console.web.Pages;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;

/**
 * Signing in and out. Development mode: a form to choose a role, answered with the session cookie. Production: the
 * OIDC authorization-code flow, which {@code /sign-in/oidc} starts (an authenticated path) and ends on.
 */
@Path("/sign-in")
public class SignInResource {

    @Inject
    DevSignIn dev;
    @Inject
    SignInModes modes;
    @Inject
    Pages pages;
    @Inject
    @Location("sign-in.html")
    Template signIn;
    @ConfigProperty(name = "clinic.console.cookie-secure")
    boolean secureCookie;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        if (!dev.enabled()) {
            return Response.seeOther(URI.create("/sign-in/oidc")).build();
        }
        return Response.ok(form(null)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("role") String role) {
        if (!dev.enabled()) {
            throw new NotFoundException();
        }
        if (role == null || !DevSignIn.ROLES.contains(role)) {
            return Response.status(400).entity(form("Choose one of the roles.")).build();
        }
        NewCookie cookie = new NewCookie.Builder(CurrentUser.DEV_COOKIE)
                .value(dev.mint(role))
                .path("/")
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) dev.lifetime().toSeconds())
                .build();
        return Response.seeOther(URI.create("/")).cookie(cookie).build();
    }

    /** Where the OIDC code flow ends (the identity provider sends the person back here). */
    @GET
    @Path("oidc")
    public Response signedIn() {
        if (!modes.oidc()) {
            throw new NotFoundException();
        }
        return Response.seeOther(URI.create("/")).build();
    }

    private Object form(String error) {
        return pages.page(signIn, null).data("roles", DevSignIn.ROLES).data("error", error);
    }
}
