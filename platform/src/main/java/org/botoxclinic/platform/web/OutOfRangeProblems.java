package org.botoxclinic.platform.web;

import java.time.DateTimeException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last line of defence for values no earlier check bounded: date arithmetic or an exact integer operation
 * that overflows on a client's value is its 400, never a 500 with a stack trace. Logs nothing of the value.
 */
public final class OutOfRangeProblems {

    private OutOfRangeProblems() {
    }

    static Response outOfRange() {
        return Problems.of(Response.Status.BAD_REQUEST, "OUT_OF_RANGE",
                "a date or number in the request is outside the range the clinic works with (dates " + DateBounds.RANGE
                        + ")").toResponse();
    }

    @Provider
    @Priority(RequestBodyProblems.FIRST)
    public static class Dates implements ExceptionMapper<DateTimeException> {
        @Override
        public Response toResponse(DateTimeException e) {
            return outOfRange();
        }
    }

    @Provider
    @Priority(RequestBodyProblems.FIRST)
    public static class Numbers implements ExceptionMapper<ArithmeticException> {
        @Override
        public Response toResponse(ArithmeticException e) {
            return outOfRange();
        }
    }
}
