package org.botoxclinic.console.signin;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;

/** Who is signed in for this request: from the development session cookie, or from the OIDC session. */
@RequestScoped
public class CurrentUser {

    /** The development session cookie: HttpOnly, Secure, SameSite=Strict; holds the development token. */
    public static final String DEV_COOKIE = "clinic_console_session";

    @Inject
    HttpServerRequest request;
    @Inject
    SecurityIdentity identity;
    @Inject
    DevSignIn dev;
    @Inject
    SignInModes modes;

    private Optional<ConsoleUser> user;

    public Optional<ConsoleUser> get() {
        if (user == null) {
            user = resolve();
        }
        return user;
    }

    /** The signed-in user, or a redirect to sign-in. */
    public ConsoleUser require() {
        return get().orElseThrow(SignInRequired::new);
    }

    /** The signed-in user if in one of {@code groups}: a stranger is sent to sign in, anyone else refused (403). */
    public ConsoleUser requireAnyOf(Set<String> groups) {
        ConsoleUser signedIn = require();
        if (!signedIn.inAnyOf(groups)) {
            throw new NotInGroup(groups);
        }
        return signedIn;
    }

    private Optional<ConsoleUser> resolve() {
        if (dev.enabled()) {
            Cookie cookie = request.getCookie(DEV_COOKIE);
            return cookie == null ? Optional.empty() : dev.read(cookie.getValue());
        }
        if (modes.oidc() && identity != null && !identity.isAnonymous()) {
            AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
            if (access != null) {
                return Optional.of(new ConsoleUser(identity.getPrincipal().getName(), Set.copyOf(identity.getRoles()),
                        access.getToken()));
            }
        }
        return Optional.empty();
    }
}
