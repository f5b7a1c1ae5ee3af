package org.botoxclinic.console.upstream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/**
 * An RFC 9457 problem as the services answer a refusal: a stable {@code code}, a human {@code detail}, the
 * {@code violations} of invalid fields, {@code currentStatus} for an illegal state change, and any other member the
 * service adds for the person to act on ({@code nearestFreeTimes}, {@code earliestDate}, ...) in {@code facts}.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, Integer status, String code, String detail, String currentStatus,
                      List<Violation> violations, Map<String, Object> facts) {

    public Problem {
        facts = facts == null ? new HashMap<>() : new HashMap<>(facts);
    }

    public Problem(String type, String title, Integer status, String code, String detail, String currentStatus,
                   List<Violation> violations) {
        this(type, title, status, code, detail, currentStatus, violations, new HashMap<>());
    }

    /** Keeps a member the record does not name (RFC 9457 extension members). */
    @JsonAnySetter
    void fact(String name, Object value) {
        facts.put(name, value);
    }

    /** An extension member as text, or null. */
    public String fact(String name) {
        Object value = facts == null ? null : facts.get(name);
        return value == null ? null : value.toString();
    }

    /** An extension member that is a list, as text items (empty when absent). */
    public List<String> factList(String name) {
        Object value = facts == null ? null : facts.get(name);
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Violation(String field, String message) {
    }

    public List<Violation> violationList() {
        return violations == null ? List.of() : violations;
    }

    /** The message about one field (a query parameter or a body field), to show next to that field. */
    public Optional<String> messageFor(String field) {
        return violationList().stream()
                .filter(v -> v.field() != null && (v.field().equals(field) || v.field().endsWith("." + field)))
                .map(Violation::message)
                .findFirst();
    }

    /** What to tell the person when no field is to blame. */
    public String summary() {
        if (detail != null && !detail.isBlank()) {
            return detail;
        }
        if (title != null && !title.isBlank()) {
            return title;
        }
        return "The request was refused" + (status == null ? "" : " (" + status + ")") + ".";
    }

    /** A problem for an answer that was not problem+json (a proxy's error page, say). */
    public static Problem ofStatus(int status) {
        return new Problem(null, null, status, null, null, null, List.of());
    }
}
