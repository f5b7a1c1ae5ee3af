package org.botoxclinic.platform.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.ContentTooLargeException;
import org.botoxclinic.platform.domain.DomainException;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.platform.domain.TooManyRequestsException;
import org.botoxclinic.platform.domain.UnsupportedContentException;

/**
 * The one place where a domain refusal becomes HTTP: not found 404, invalid input 400 with violations, a clash
 * with stored data or a refused status change 409, a business rule 422, a caller over its rate limit 429 with
 * Retry-After, content too large 413 or of a kind not taken 415; always problem+json with its code.
 */
@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException e) {
        Response response = problem(e).toResponse();
        if (e instanceof TooManyRequestsException limited) {
            return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, limited.retryAfterSeconds()).build();
        }
        return response;
    }

    static io.quarkiverse.resteasy.problem.HttpProblem problem(DomainException e) {
        if (e instanceof InvalidInputException invalid) {
            return Problems.invalid(invalid.fieldMessages());
        }
        Response.StatusType status;
        if (e instanceof NotFoundException) {
            status = Response.Status.NOT_FOUND;
        } else if (e instanceof IllegalTransitionException || e instanceof ConflictException) {
            status = Response.Status.CONFLICT;
        } else if (e instanceof RuleRefusedException) {
            status = Problems.UNPROCESSABLE;
        } else if (e instanceof TooManyRequestsException) {
            status = Response.Status.TOO_MANY_REQUESTS;
        } else if (e instanceof ContentTooLargeException) {
            status = Response.Status.REQUEST_ENTITY_TOO_LARGE;
        } else if (e instanceof UnsupportedContentException) {
            status = Response.Status.UNSUPPORTED_MEDIA_TYPE;
        } else {
            status = Response.Status.BAD_REQUEST;
        }
        return Problems.of(status, e.code(), e.detail(), e.properties());
    }
}
