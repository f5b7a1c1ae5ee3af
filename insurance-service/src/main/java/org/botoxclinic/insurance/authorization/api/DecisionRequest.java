package org.botoxclinic.insurance.authorization.api;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.botoxclinic.insurance.authorization.domain.Decision;
import org.botoxclinic.insurance.authorization.domain.DecisionOutcome;

/** The body of POST /api/authorizations/{id}/decision; what each outcome requires is in DecisionRules. */
public record DecisionRequest(@NotNull DecisionOutcome outcome,
                              @Size(max = 64) String authorizationNumber,
                              Integer approvedUnits,
                              Integer approvedVisits,
                              LocalDate validFrom,
                              LocalDate validTo,
                              @Size(max = 2000) String denialReason,
                              @Size(max = 4000) String payerNote) {

    Decision toDecision() {
        return new Decision(outcome, authorizationNumber, approvedUnits, approvedVisits, validFrom, validTo, denialReason,
                payerNote);
    }
}
