package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;

/** A payer decision as recorded by the authorization specialist. */
public record Decision(DecisionOutcome outcome, String authorizationNumber, Integer approvedUnits, Integer approvedVisits,
                       LocalDate validFrom, LocalDate validTo, String denialReason, String payerNote) {
}
