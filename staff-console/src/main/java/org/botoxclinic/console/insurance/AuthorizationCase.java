package org.botoxclinic.console.insurance;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** One authorization case as insurance-service answers it (only what the console reads; unknown fields are ignored). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record AuthorizationCase(UUID id,
                                UUID referralId,
                                String status,
                                String indication,
                                List<String> diagnosisCodes,
                                Patient patient,
                                Payer payer,
                                ProcedureLine procedureLine,
                                DrugLine drugLine,
                                int requestedVisits,
                                List<Requirement> requirements,
                                List<String> unmetRequirements,
                                List<Document> documents,
                                Submission submission,
                                OffsetDateTime decisionDueAt,
                                boolean overdue,
                                String outcome,
                                String authorizationNumber,
                                Integer unitsApproved,
                                int unitsUsed,
                                Integer visitsApproved,
                                int visitsUsed,
                                LocalDate validFrom,
                                LocalDate validTo,
                                boolean overApproval,
                                List<TreatmentLine> treatments,
                                String denialReason,
                                String payerNote,
                                OffsetDateTime decidedAt,
                                Appeal appeal,
                                String withdrawalReason,
                                List<StatusStep> statusHistory,
                                UUID previousCaseId,
                                UUID nextCaseId,
                                OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {

    /** The statuses in which staff may still change the checklist (insurance-service's rule, shown not enforced here). */
    static final Set<String> CHECKLIST_EDITABLE = Set.of("PENDING_SUBMISSION", "PENDED", "DENIED");
    static final Set<String> SUBMITTABLE = Set.of("PENDING_SUBMISSION", "PENDED");
    static final Set<String> AWAITING_DECISION = Set.of("SUBMITTED", "APPEALED");
    static final Set<String> WITHDRAWABLE = Set.of("PENDING_SUBMISSION", "SUBMITTED", "PENDED", "APPEALED");

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
        public String displayName() {
            return lastName + ", " + firstName;
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Payer(String payerId, String payerName, String memberId, String groupNumber, String planType) {
        public String name() {
            return payerName == null || payerName.isBlank() ? payerId : payerName;
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProcedureLine(String cptCode) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DrugLine(String hcpcsCode, int requestedUnits) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Requirement(String code, String description, boolean required, boolean met, String metBy, String note,
                              List<String> evidenceDocumentTypes, List<UUID> evidenceDocumentIds,
                              OffsetDateTime updatedAt) {

        public boolean needsEvidence() {
            return evidenceDocumentTypes != null && !evidenceDocumentTypes.isEmpty();
        }

        /** Who met the item, in words: the referral's clinical details, or staff. */
        public String metByWords() {
            if (metBy == null) {
                return null;
            }
            return switch (metBy) {
                case "REFERRAL" -> "the referral's clinical details";
                case "STAFF" -> "staff";
                default -> words(metBy).toLowerCase(java.util.Locale.ROOT);
            };
        }

        public boolean linked(UUID documentId) {
            return evidenceDocumentIds != null && evidenceDocumentIds.contains(documentId);
        }

        /** The document types the item accepts, in words ("Headache diary or Clinic note"). */
        public String acceptedTypesInWords() {
            if (!needsEvidence()) {
                return "";
            }
            return String.join(" or ", evidenceDocumentTypes.stream().map(AuthorizationCase::words).toList());
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Document(UUID id, String type, String fileName, String contentType, long sizeBytes, String sha256,
                           OffsetDateTime attachedAt) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Submission(String channel, String payerReference, Boolean expedited, OffsetDateTime submittedAt,
                             String overrideReason) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Appeal(OffsetDateTime submittedAt, String reason) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TreatmentLine(UUID appointmentId, LocalDate date, int unitsAdministered, int unitsWasted,
                                boolean beyondApproval, boolean outsideWindow, OffsetDateTime recordedAt) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StatusStep(String from, String to, OffsetDateTime at, String note) {
    }

    public boolean checklistEditable() {
        return CHECKLIST_EDITABLE.contains(status);
    }

    public boolean submittable() {
        return SUBMITTABLE.contains(status);
    }

    public boolean awaitingDecision() {
        return AWAITING_DECISION.contains(status);
    }

    public boolean appealable() {
        return "DENIED".equals(status);
    }

    public boolean withdrawable() {
        return WITHDRAWABLE.contains(status);
    }

    public List<Requirement> requirementList() {
        return requirements == null ? List.of() : requirements;
    }

    public List<Document> documentList() {
        return documents == null ? List.of() : documents;
    }

    public List<StatusStep> history() {
        return statusHistory == null ? List.of() : statusHistory;
    }

    public List<TreatmentLine> treatmentList() {
        return treatments == null ? List.of() : treatments;
    }

    /** The descriptions of the required items not yet met, in checklist order. */
    public List<String> unmetDescriptions() {
        List<String> unmet = unmetRequirements == null ? List.of() : unmetRequirements;
        return requirementList().stream().filter(r -> unmet.contains(r.code())).map(Requirement::description).toList();
    }

    public Requirement requirement(String code) {
        return requirementList().stream().filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }

    public String documentName(UUID documentId) {
        return documentList().stream().filter(d -> d.id().equals(documentId)).map(Document::fileName).findFirst()
                .orElse(String.valueOf(documentId));
    }

    /** The decision clock in words, or null when the payer owes no answer. */
    public String clockWords() {
        return awaitingDecision() ? DecisionClockWords.of(decisionDueAt, overdue, Instant.now()) : null;
    }

    static String words(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String spaced = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
