package org.botoxclinic.console.authorizations;

import java.util.List;

/**
 * The authorization queue's filters as the person chose them, passed on to insurance-service as they are (it validates
 * them and names the parameter it refuses). The queue opens on every case, most urgent first, as the service orders it.
 */
@io.quarkus.qute.TemplateData
public record CaseQueueFilter(String status, String payerId, String indication, boolean overdue, String expiringWithinDays) {

    /** The choices of each select, in insurance-service's own codes. */
    @io.quarkus.qute.TemplateData
    public record Options(List<String> statuses, List<String> indications) {
    }

    public static final Options OPTIONS = new Options(
            List.of("PENDING_SUBMISSION", "SUBMITTED", "PENDED", "APPROVED", "PARTIALLY_APPROVED", "DENIED", "APPEALED",
                    "EXHAUSTED", "EXPIRED", "WITHDRAWN", "CANCELLED"),
            List.of("CHRONIC_MIGRAINE", "CERVICAL_DYSTONIA", "LUMBAR_DYSTONIA", "WRITERS_CRAMP", "SPASTICITY",
                    "BLEPHAROSPASM", "HEMIFACIAL_SPASM"));

    /** The query string that keeps these filters (for the next page's link). */
    public String query() {
        StringBuilder query = new StringBuilder();
        append(query, "status", status);
        append(query, "payerId", payerId);
        append(query, "indication", indication);
        if (overdue) {
            append(query, "overdue", "true");
        }
        append(query, "expiringWithinDays", expiringWithinDays);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            if (!query.isEmpty()) {
                query.append('&');
            }
            query.append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
