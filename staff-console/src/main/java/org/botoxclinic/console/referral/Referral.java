package org.botoxclinic.console.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A referral as referral-service answers it (only what the console reads; unknown fields are ignored). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record Referral(UUID id,
                       String status,
                       String stage,
                       Triage triage,
                       String source,
                       String externalReferralId,
                       String indication,
                       List<String> diagnosisCodes,
                       String urgency,
                       Patient patient,
                       UUID patientId,
                       Provider referringProvider,
                       Insurance insurance,
                       Map<String, Object> clinicalDetails,
                       String notes,
                       String decisionReason,
                       String infoQuestion,
                       String infoAnswer,
                       OffsetDateTime createdAt,
                       OffsetDateTime updatedAt) {

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Triage(String outcome, List<Reason> reasons, OffsetDateTime screenedAt) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Reason(String code, String text) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex, String phone, String email) {
        public String displayName() {
            return lastName + ", " + firstName;
        }
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Provider(String npi, String name, String practice, String phone, String fax) {
    }

    @TemplateData
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Insurance(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    public boolean urgent() {
        return "URGENT".equals(urgency);
    }

    public String triageOutcome() {
        return triage == null ? null : triage.outcome();
    }

    /** The CSS modifier of the triage flag: meets, review, fails, or none before screening. */
    public String triageFlag() {
        String outcome = triageOutcome();
        if (outcome == null) {
            return "none";
        }
        return switch (outcome) {
            case "MEETS_CRITERIA" -> "meets";
            case "DOES_NOT_MEET_CRITERIA" -> "fails";
            default -> "review";
        };
    }

    /** The clinical details the practice gave (the service lists every field; those it left empty are skipped). */
    public Map<String, Object> givenClinicalDetails() {
        Map<String, Object> given = new java.util.LinkedHashMap<>();
        if (clinicalDetails != null) {
            clinicalDetails.forEach((key, value) -> {
                if (value != null) {
                    given.put(key, value);
                }
            });
        }
        return given;
    }

    public List<Reason> triageReasons() {
        return triage == null || triage.reasons() == null ? List.of() : triage.reasons();
    }
}
