package org.botoxclinic.console.referral;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A referral's timeline as its referring practice reads it: where it stands and every entry that led there. */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Timeline(UUID referralId, String status, String stage, List<Entry> entries) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entry(long id, OffsetDateTime at, String type, String detail, Map<String, Object> details) {

        /** What happened, as the practice reads it ("Accepted", "Clinic asked for information"). */
        public String title() {
            if (type == null) {
                return "";
            }
            return switch (type) {
                case "RECEIVED" -> "Referral received";
                case "TRIAGED" -> "Screened against the clinic's criteria";
                case "INFO_REQUESTED" -> "Clinic asked for information";
                case "INFO_PROVIDED" -> "Practice answered";
                case "ACCEPTED" -> "Accepted";
                case "DECLINED" -> "Declined";
                case "CANCELLED" -> "Cancelled";
                case "AUTHORIZATION_SUBMITTED" -> "Prior authorization sent to the payer";
                case "AUTHORIZATION_APPROVED" -> "Prior authorization approved";
                case "AUTHORIZATION_DENIED" -> "Prior authorization denied";
                case "APPOINTMENT_SCHEDULED" -> "Appointment booked";
                case "APPOINTMENT_CANCELLED" -> "Appointment cancelled";
                case "NO_SHOW" -> "Patient did not come to the appointment";
                case "TREATMENT_COMPLETED" -> "Treatment given";
                case "DOCUMENT_ADDED" -> "Document added";
                case "CONSULT_REPORT" -> "Consult report sent";
                default -> {
                    String spaced = type.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
                    yield Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
                }
            };
        }

        /**
         * The entry's sentence as the practice reads it, with the service's codes in words ("Screening: Meets
         * criteria"; a document by its kind and name, its SHA-256 apart in {@link #proof()}).
         */
        public String text() {
            if (detail == null) {
                return "";
            }
            if ("TRIAGED".equals(type) && detail.startsWith("Screening: ")) {
                return "Screening: " + words(detail.substring("Screening: ".length()));
            }
            if ("DOCUMENT_ADDED".equals(type) && details != null && details.get("fileName") != null) {
                Object kind = details.get("documentType");
                return (kind == null ? "Document" : words(kind.toString())) + " \u201c" + details.get("fileName") + "\u201d";
            }
            return detail;
        }

        /** The SHA-256 of an added document, which the practice's system can check, or null. */
        public String proof() {
            return "DOCUMENT_ADDED".equals(type) && details != null && details.get("sha256") != null
                    ? details.get("sha256").toString() : null;
        }

        private static String words(String code) {
            String spaced = code.strip().replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
        }

        /** The CSS modifier of the entry's marker: decisions and refusals stand out. */
        public String tone() {
            if (type == null) {
                return "info";
            }
            return switch (type) {
                case "ACCEPTED", "AUTHORIZATION_APPROVED", "TREATMENT_COMPLETED" -> "good";
                case "DECLINED", "CANCELLED", "AUTHORIZATION_DENIED", "NO_SHOW", "APPOINTMENT_CANCELLED" -> "bad";
                case "INFO_REQUESTED" -> "ask";
                default -> "info";
            };
        }
    }

    /** The entries in the order they happened (the service keeps that order; ties keep the order they were written). */
    public List<Entry> inOrder() {
        return entries == null ? List.of() : entries.stream()
                .sorted(Comparator.comparing(Entry::at, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparingLong(Entry::id))
                .toList();
    }
}
