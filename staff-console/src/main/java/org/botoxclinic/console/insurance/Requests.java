package org.botoxclinic.console.insurance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The bodies insurance-service takes for the actions on a case (its own field names and codes). */
public final class Requests {

    private Requests() {
    }

    /** PUT /api/authorizations/{id}/requirements/{code}: {@code evidenceDocumentIds} [] removes the links. */
    public record RequirementUpdate(Boolean met, String note, List<UUID> evidenceDocumentIds) {
    }

    /** POST /api/authorizations/{id}/submit. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Submission(String channel, String payerReference, boolean expedited, OffsetDateTime submittedAt,
                             boolean override, String overrideReason) {
    }

    /** POST /api/authorizations/{id}/decision: an approval with its number, units, visits and window; a denial its reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String outcome, String authorizationNumber, Integer approvedUnits, Integer approvedVisits,
                           LocalDate validFrom, LocalDate validTo, String denialReason, String payerNote) {
    }

    /** POST /api/authorizations/{id}/appeal. */
    public record Appeal(OffsetDateTime submittedAt, String reason) {
    }

    /** POST /api/authorizations/{id}/withdraw. */
    public record Withdrawal(String reason) {
    }
}
