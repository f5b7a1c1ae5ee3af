package org.botoxclinic.insurance.authorization.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.Approval;
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
        Approval a = c.approval();
        return new AuthorizationSummary(c.id(), c.referralId(), c.previousCaseId(), c.status().name(), c.indication(),
                c.coverage().payerId(), c.coverage().payerName(), c.patient().firstName(), c.patient().lastName(),
                c.lines().units(), c.lines().visits(), c.decisionDueAt(), c.isOverdue(now),
                a == null ? null : a.authorizationNumber(), a == null ? null : a.units(), c.usage().units(),
                a == null ? null : a.visits(), c.usage().visits(), c.validFrom(), c.validTo(), c.usage().overApproval(),
                c.updatedAt());
    }
}
