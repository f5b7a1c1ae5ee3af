package org.botoxclinic.platform.web;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 problem+json with a Bearer challenge for a missing or invalid token. Takes precedence over the problem
 * extension's own security mappers, which fail against this Quarkus version's challenge API.
 */
public class AuthenticationProblems {

    private static final int BEFORE_EXTENSION_MAPPERS = RequestBodyProblems.FIRST;

    @ServerExceptionMapper(value = {UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class}, priority = BEFORE_EXTENSION_MAPPERS)
    public Response unauthenticated(RuntimeException e) {
        Response problem = Problems.of(Response.Status.UNAUTHORIZED, "UNAUTHENTICATED",
                "a valid bearer token is required").toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
