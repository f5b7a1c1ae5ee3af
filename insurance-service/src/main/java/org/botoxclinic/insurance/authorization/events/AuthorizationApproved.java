package org.botoxclinic.insurance.authorization.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/**
 * Published when a payer approves a case, fully or in part: scheduling-service may book visits inside the
 * window, up to the approved visits and units. Carries the patient so that a plan can be built from it alone.
 */
public record AuthorizationApproved(UUID referralId,
                                    UUID authorizationId,
                                    String authorizationNumber,
                                    String outcome,
                                    int approvedUnits,
                                    int approvedVisits,
                                    LocalDate validFrom,
                                    LocalDate validTo,
                                    String indication,
                                    String procedureCode,
                                    String payerId,
                                    Patient patient,
                                    OffsetDateTime decidedAt) {

    public static final String TYPE = "AuthorizationApproved";

    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
    }

    public static AuthorizationApproved of(AuthorizationCase c) {
        return new AuthorizationApproved(c.referralId(), c.id(), c.authorizationNumber(), c.outcome().name(),
                c.approvedUnits(), c.approvedVisits(), c.validFrom(), c.validTo(), c.indication(), c.procedureCode(),
                c.payerId(), new Patient(c.patientFirstName(), c.patientLastName(), c.patientDateOfBirth(), c.patientSex()),
                c.decidedAt());
    }
}
