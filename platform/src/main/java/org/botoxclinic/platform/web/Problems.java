package org.botoxclinic.platform.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.quarkiverse.resteasy.problem.HttpProblem;
import jakarta.ws.rs.core.Response;

/**
 * RFC 9457 problems with a stable machine-readable {@code code} (and a matching {@code type} URI) per rule,
 * so a client can branch on the code and show the detail to a person.
 */
public final class Problems {

    /** 422: a well-formed request that a business rule refuses. */
    public static final Response.StatusType UNPROCESSABLE = new UnprocessableContent();

    private Problems() {
    }

    public static HttpProblem of(Response.StatusType status, String code, String detail) {
        return of(status, code, detail, Map.of());
    }

    public static HttpProblem of(Response.StatusType status, String code, String detail, Map<String, ?> properties) {
        HttpProblem.Builder builder = HttpProblem.builder()
                .withType(type(code))
                .withTitle(title(code))
                .withStatus(status)
                .withDetail(detail)
                .with("code", code);
        properties.forEach(builder::with);
        return builder.build();
    }

    /** 400 with one violation per field, in the same shape as bean-validation failures. */
    public static HttpProblem invalid(Map<String, String> fieldMessages) {
        List<Map<String, String>> violations = new ArrayList<>();
        fieldMessages.forEach((field, message) -> violations.add(Map.of("field", field, "in", "body", "message", message)));
        return of(Response.Status.BAD_REQUEST, "CONSTRAINT_VIOLATION",
                "the request is invalid: " + String.join(", ", fieldMessages.keySet()), Map.of("violations", violations));
    }

    /** 400 naming one query, path or header parameter, in the same shape as {@link #invalid}. */
    public static HttpProblem invalidParameter(String name, String in, String message) {
        return of(Response.Status.BAD_REQUEST, "CONSTRAINT_VIOLATION", "the request is invalid: " + name,
                Map.of("violations", List.of(Map.of("field", name, "in", in, "message", message))));
    }

    public static URI type(String code) {
        return URI.create("urn:clinic:problem:" + code.toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    private static String title(String code) {
        String words = code.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static final class UnprocessableContent implements Response.StatusType {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    }
}
