package org.botoxclinic.console.intake;

import java.util.List;

/**
 * The intake queue's filters as the person chose them (passed on to referral-service as they are: the service
 * validates them and names the parameter it refuses). The queue opens on the referrals waiting for intake.
 */
@io.quarkus.qute.TemplateData
public record QueueFilter(String status, String indication, String triage, String receivedFrom, String receivedTo) {

    public static final String DEFAULT_STATUS = "RECEIVED";

    /** The choices of each select, in referral-service's own codes. */
    @io.quarkus.qute.TemplateData
    public record Options(List<String> statuses, List<String> indications, List<String> triages) {
    }

    public static final Options OPTIONS = new Options(
            List.of("RECEIVED", "INFO_REQUESTED", "ACCEPTED", "DECLINED", "CANCELLED"),
            List.of("CHRONIC_MIGRAINE", "CERVICAL_DYSTONIA", "LUMBAR_DYSTONIA", "WRITERS_CRAMP", "SPASTICITY",
                    "BLEPHAROSPASM", "HEMIFACIAL_SPASM"),
            List.of("MEETS_CRITERIA", "NEEDS_REVIEW", "DOES_NOT_MEET_CRITERIA"));

    /** The query string that keeps these filters (for the next page's link). */
    public String query() {
        StringBuilder query = new StringBuilder("status=").append(status == null ? "" : encode(status));
        append(query, "indication", indication);
        append(query, "triage", triage);
        append(query, "receivedFrom", receivedFrom);
        append(query, "receivedTo", receivedTo);
        return query.toString();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append('&').append(name).append('=').append(encode(value));
        }
    }

    static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
