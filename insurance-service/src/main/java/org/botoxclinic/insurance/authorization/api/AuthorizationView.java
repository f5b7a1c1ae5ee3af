package org.botoxclinic.insurance.authorization.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;

/** An authorization case as its detail page shows it: lines, checklist, history, decision, usage and linked cases. */
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
                                List<Requirement> requirements,
                                List<String> unmetRequirements,
                                Submission submission,
                                OffsetDateTime decisionDueAt,
                                boolean overdue,
                                OffsetDateTime overdueFlaggedAt,
                                String outcome,
                                String authorizationNumber,
                                Integer unitsApproved,
                                int unitsUsed,
                                Integer visitsApproved,
                                int visitsUsed,
                                LocalDate validFrom,
                                LocalDate validTo,
                                boolean overApproval,
                                List<TreatmentLine> treatments,
                                String denialReason,
                                String payerNote,
                                OffsetDateTime decidedAt,
                                Appeal appeal,
                                String withdrawalReason,
                                List<StatusStep> statusHistory,
                                UUID previousCaseId,
                                UUID nextCaseId,
                                Links links,
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

    public record Requirement(String code, String description, boolean required, boolean met, String metBy, String note,
                              OffsetDateTime updatedAt) {
    }

    public record Submission(String channel, String payerReference, Boolean expedited, OffsetDateTime submittedAt,
                             String overrideReason) {
    }

    public record Appeal(OffsetDateTime submittedAt, String reason) {
    }

    public record TreatmentLine(UUID appointmentId, LocalDate date, int unitsAdministered, int unitsWasted,
                                boolean beyondApproval, boolean outsideWindow, OffsetDateTime recordedAt) {
    }

    public record StatusStep(String from, String to, OffsetDateTime at, String note) {
    }

    /** Paths of the case before and after this one in the chain of reauthorizations; null at either end. */
    public record Links(String self, String previous, String next) {
    }

    static AuthorizationView of(AuthorizationCase c, UUID nextCaseId, OffsetDateTime now) {
        return new AuthorizationView(c.id(), c.referralId(), c.status().name(), c.indication(), c.diagnosisCodes(),
                new Patient(c.patientFirstName(), c.patientLastName(), c.patientDateOfBirth(), c.patientSex()),
                new Payer(c.payerId(), c.payerName(), c.memberId(), c.groupNumber(), c.planType()),
                new ProcedureLine(c.procedureCode()),
                new DrugLine(c.drugCode(), c.requestedUnits()),
                c.requestedVisits(),
                c.requirements().stream().map(r -> new Requirement(r.code(), r.description(), r.required(), r.met(),
                        r.metBy(), r.note(), r.updatedAt())).toList(),
                c.unmetRequirements(),
                c.submittedAt() == null ? null : new Submission(c.submissionChannel().name(), c.payerReference(),
                        c.expedited(), c.submittedAt(), c.submissionOverride()),
                c.decisionDueAt(), c.isOverdue(now), c.overdueFlaggedAt(),
                c.outcome() == null ? null : c.outcome().name(), c.authorizationNumber(),
                c.approvedUnits(), c.unitsUsed(), c.approvedVisits(), c.visitsUsed(), c.validFrom(), c.validTo(),
                c.overApproval(),
                c.uses().stream().map(u -> new TreatmentLine(u.appointmentId(), u.treatmentDate(), u.unitsAdministered(),
                        u.unitsWasted(), u.beyondApproval(), u.outsideWindow(), u.recordedAt())).toList(),
                c.denialReason(), c.payerNote(), c.decidedAt(),
                c.appealSubmittedAt() == null ? null : new Appeal(c.appealSubmittedAt(), c.appealReason()),
                c.withdrawalReason(),
                c.history().stream().map(h -> new StatusStep(h.fromStatus() == null ? null : h.fromStatus().name(),
                        h.toStatus().name(), h.at(), h.note())).toList(),
                c.previousCaseId(), nextCaseId,
                new Links(path(c.id()), path(c.previousCaseId()), path(nextCaseId)),
                c.createdAt(), c.updatedAt());
    }

    private static String path(UUID id) {
        return id == null ? null : "/api/authorizations/" + id;
    }
}
