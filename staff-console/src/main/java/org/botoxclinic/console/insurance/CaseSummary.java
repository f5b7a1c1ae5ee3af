package org.botoxclinic.console.insurance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.qute.TemplateData;

/** A case as one row of insurance-service's work queue (only what the console reads). */
@TemplateData
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseSummary(UUID id,
                          UUID referralId,
                          UUID previousCaseId,
                          String status,
                          String indication,
                          String payerId,
                          String payerName,
                          String patientFirstName,
                          String patientLastName,
                          int requestedUnits,
                          int requestedVisits,
                          OffsetDateTime decisionDueAt,
                          boolean overdue,
                          String authorizationNumber,
                          Integer unitsApproved,
                          int unitsUsed,
                          Integer visitsApproved,
                          int visitsUsed,
                          LocalDate validFrom,
                          LocalDate validTo,
                          boolean overApproval,
                          OffsetDateTime updatedAt) {

    public String displayName() {
        return patientLastName + ", " + patientFirstName;
    }

    public String payer() {
        return payerName == null || payerName.isBlank() ? payerId : payerName;
    }

    /** The decision clock in words ("Due in 3 days", "Overdue by 2 hours"), or null when the payer owes nothing. */
    public String clockWords() {
        return DecisionClockWords.of(decisionDueAt, overdue, java.time.Instant.now());
    }
}
