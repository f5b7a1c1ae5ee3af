package org.botoxclinic.platform.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.hibernate.exception.ConstraintViolationException;

/**
 * A concurrent request won the race for a unique key (two identical submissions at the same instant): the
 * loser gets 409, never a 500, and nothing of it was stored.
 */
@Provider
public class UniqueViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    private static final String UNIQUE_VIOLATION = "23505";

    /** Whether a persistence failure, anywhere in its causes, is PostgreSQL's unique violation. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Response toResponse(ConstraintViolationException e) {
        if (isUniqueViolation(e)) {
            return Problems.of(Response.Status.CONFLICT, "DUPLICATE",
                    "the request conflicts with one that was stored at the same time; read it and retry if needed").toResponse();
        }
        return Problems.of(Response.Status.CONFLICT, "CONSTRAINT_VIOLATED",
                "the request conflicts with the stored data (" + e.getKind() + ")").toResponse();
    }
}
