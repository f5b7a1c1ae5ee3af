package org.botoxclinic.console.upstream;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/**
 * An RFC 9457 problem as the services answer a refusal: a stable {@code code}, a human {@code detail}, the
 * {@code violations} of invalid fields, and {@code currentStatus} for an illegal state change.
 */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Problem(String type, String title, Integer status, String code, String detail, String currentStatus,
                      List<Violation> violations) {

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
