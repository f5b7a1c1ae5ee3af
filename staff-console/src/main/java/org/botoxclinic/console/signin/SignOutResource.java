package org.botoxclinic.console.signin;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signing out: the development session cookie is removed; an OIDC session ends at the identity provider too. */
@Path("/sign-out")
public class SignOutResource {

    @Inject
    DevSignIn dev;
    @ConfigProperty(name = "clinic.console.cookie-secure")
    boolean secureCookie;

    @POST
    public Response signOut() {
        if (!dev.enabled()) {
            return Response.seeOther(URI.create("/sign-out/oidc")).build();
        }
        NewCookie expired = new NewCookie.Builder(CurrentUser.DEV_COOKIE)
                .value("")
                .path("/")
                .httpOnly(true)
                .secure(secureCookie)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0)
                .build();
        return Response.seeOther(URI.create("/sign-in")).cookie(expired).build();
    }

}
