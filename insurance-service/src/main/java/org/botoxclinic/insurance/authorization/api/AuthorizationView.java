package org.botoxclinic.insurance.authorization.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/** An authorization case as the work queue and its detail page show it. */
public record AuthorizationView(UUID id,
                                UUID referralId,
                                String status,
                                String indication,
                                List<String> diagnosisCodes,
                                Patient patient,
                                Payer payer,
                                ProcedureLine procedureLine,
                                DrugLine drugLine,
                                int requestedVisits,
                                Submission submission,
                                OffsetDateTime decisionDueAt,
                                String outcome,
                                String authorizationNumber,
                                Integer unitsApproved,
                                Integer unitsUsed,
                                Integer visitsApproved,
                                Integer visitsUsed,
                                LocalDate validFrom,
                                LocalDate validTo,
                                String denialReason,
                                String payerNote,
                                OffsetDateTime decidedAt,
                                UUID previousCaseId,
                                OffsetDateTime createdAt,
                                OffsetDateTime updatedAt) {

    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
    }

    public record Payer(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    public record ProcedureLine(String cptCode) {
    }

    public record DrugLine(String hcpcsCode, int requestedUnits) {
    }

    public record Submission(String channel, String payerReference, Boolean expedited, OffsetDateTime submittedAt) {
    }

    static AuthorizationView of(AuthorizationCase c) {
        return new AuthorizationView(c.id(), c.referralId(), c.status().name(), c.indication(), c.diagnosisCodes(),
                new Patient(c.patientFirstName(), c.patientLastName(), c.patientDateOfBirth(), c.patientSex()),
                new Payer(c.payerId(), c.payerName(), c.memberId(), c.groupNumber(), c.planType()),
                new ProcedureLine(c.procedureCode()),
                new DrugLine(c.drugCode(), c.requestedUnits()),
                c.requestedVisits(),
                c.submittedAt() == null ? null : new Submission(c.submissionChannel().name(), c.payerReference(),
                        c.expedited(), c.submittedAt()),
                c.decisionDueAt(), c.outcome() == null ? null : c.outcome().name(), c.authorizationNumber(),
                c.approvedUnits(), c.unitsUsed(), c.approvedVisits(), c.visitsUsed(), c.validFrom(), c.validTo(),
                c.denialReason(), c.payerNote(), c.decidedAt(), c.previousCaseId(), c.createdAt(), c.updatedAt());
    }
}
