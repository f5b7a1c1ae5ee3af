package org.botoxclinic.insurance.authorization.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.insurance.authorization.domain.Approval;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.events.DomainEvent;

/**
 * Published when a payer approves a case, fully or in part: scheduling-service may book visits inside the
 * window, up to the approved visits and units. Carries the patient so that a plan can be built from it alone.
 */
public record AuthorizationApproved(UUID referralId,
                                    UUID patientId,
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
                                    OffsetDateTime decidedAt) implements DomainEvent {

    public static final String TYPE = EventTypes.AUTHORIZATION_APPROVED;

    /** The patient as this event's contract spells it, whatever the case keeps. */
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {

        static Patient of(PatientIdentity p) {
            return new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex());
        }
    }

    /** The approval just recorded on the case. */
    public static AuthorizationApproved of(AuthorizationCase c) {
        Approval a = c.approval();
        return new AuthorizationApproved(c.referralId(), c.patientId(), c.id(), a.authorizationNumber(), c.decision().outcome().name(),
                a.units(), a.visits(), a.validFrom(), a.validTo(), c.indication(), c.lines().procedureCode(),
                c.coverage().payerId(), Patient.of(c.patient()), c.decidedAt());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return decidedAt;
    }
}
