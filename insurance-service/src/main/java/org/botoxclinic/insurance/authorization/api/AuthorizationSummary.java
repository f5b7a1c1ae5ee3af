package org.botoxclinic.insurance.authorization.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/** A case as one row of the work queue: enough to pick it up, without its checklist and history. */
public record AuthorizationSummary(UUID id,
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

    static AuthorizationSummary of(AuthorizationCase c, OffsetDateTime now) {
        return new AuthorizationSummary(c.id(), c.referralId(), c.previousCaseId(), c.status().name(), c.indication(),
                c.payerId(), c.payerName(), c.patientFirstName(), c.patientLastName(), c.requestedUnits(),
                c.requestedVisits(), c.decisionDueAt(), c.isOverdue(now), c.authorizationNumber(), c.approvedUnits(),
                c.unitsUsed(), c.approvedVisits(), c.visitsUsed(), c.validFrom(), c.validTo(), c.overApproval(),
                c.updatedAt());
    }
}
