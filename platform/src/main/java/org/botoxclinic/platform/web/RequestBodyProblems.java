package org.botoxclinic.platform.web;

import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body that is not JSON, or not the JSON the endpoint reads, gets a 400 that names the field or the position,
 * never the content itself (it may hold patient data) nor a class name. One mapper per exception type,
 * because the most specific mapper wins before priority is compared.
 */
public final class RequestBodyProblems {

    /** Ahead of the problem extension's own mappers, which it registers at priority 999. */
    static final int FIRST = 500;

    private RequestBodyProblems() {
    }

    static Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return Problems.invalid(Map.of(field, reason(mapping))).toResponse();
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
        return Problems.of(Response.Status.BAD_REQUEST, "MALFORMED_JSON", "the request body is not valid JSON" + where)
                .toResponse();
    }

    private static String reason(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "is not a known field";
        }
        if (e instanceof InvalidFormatException format && format.getTargetType() != null
                && Temporal.class.isAssignableFrom(format.getTargetType())) {
            return "must be a date" + (LocalDate.class.equals(format.getTargetType()) ? " such as 2026-11-24"
                    : " and time with an offset such as 2026-11-24T10:00:00Z") + ", " + DateBounds.RANGE;
        }
        if (!(e instanceof MismatchedInputException mismatch)) {
            return "has an invalid value";
        }
        Class<?> target = mismatch.getTargetType();
        if (target != null && target.isEnum()) {
            return "must be one of " + Arrays.stream(target.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", "));
        }
        return "has the wrong type or format";
    }

    @Provider
    @Priority(FIRST)
    public static class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return unreadable(e);
        }
    }

    @Provider
    @Priority(FIRST)
    public static class Mapping implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException e) {
            return unreadable(e);
        }
    }

    @Provider
    @Priority(FIRST)
    public static class Mismatch implements ExceptionMapper<MismatchedInputException> {
        @Override
        public Response toResponse(MismatchedInputException e) {
            return unreadable(e);
        }
    }

    @Provider
    @Priority(FIRST)
    public static class InvalidFormat implements ExceptionMapper<InvalidFormatException> {
        @Override
        public Response toResponse(InvalidFormatException e) {
            return unreadable(e);
        }
    }

    @Provider
    @Priority(FIRST)
    public static class UnknownField implements ExceptionMapper<UnrecognizedPropertyException> {
        @Override
        public Response toResponse(UnrecognizedPropertyException e) {
            return unreadable(e);
        }
    }

    @Provider
    @Priority(FIRST)
    public static class WebApplication implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e.getCause() instanceof JsonProcessingException json) {
                return unreadable(json);
            }
            if (e.getResponse().getEntity() instanceof HttpProblem) {
                return e.getResponse();
            }
            Response.StatusType status = e.getResponse().getStatusInfo();
            String code = status.getReasonPhrase().toUpperCase(Locale.ROOT).replace(' ', '_');
            return Problems.of(status, code, status.getReasonPhrase()).toResponse();
        }
    }
}
