package org.botoxclinic.insurance.authorization.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.insurance.authorization.domain.Approval;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.insurance.authorization.domain.PayerDecision;
import org.botoxclinic.insurance.document.domain.ReferralDocument;
import org.botoxclinic.platform.domain.PatientIdentity;

/** An authorization case as its detail page shows it: lines, checklist, history, decision, usage and linked cases. */
public record AuthorizationView(UUID id,
                                UUID referralId,
                                UUID patientId,
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
                                List<Document> documents,
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

    /**
     * One checklist item. {@code evidenceDocumentTypes}: null when the item needs no document, else the types of which
     * one linked document is needed to meet it; {@code evidenceDocumentIds}: the referral's documents linked to it.
     */
    public record Requirement(String code, String description, boolean required, boolean met, String metBy, String note,
                              List<String> evidenceDocumentTypes, List<UUID> evidenceDocumentIds,
                              OffsetDateTime updatedAt) {
    }

    /** A document attached to the case's referral (metadata; the content is referral-service's). */
    public record Document(UUID id, String type, String fileName, String contentType, long sizeBytes, String sha256,
                           OffsetDateTime attachedAt) {

        static Document of(ReferralDocument d) {
            return new Document(d.documentId(), d.documentType(), d.fileName(), d.contentType(), d.sizeBytes(), d.sha256(),
                    d.attachedAt());
        }
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

    static AuthorizationView of(AuthorizationCase c, List<ReferralDocument> documents, UUID nextCaseId,
                                OffsetDateTime now) {
        PatientIdentity p = c.patient();
        Coverage cover = c.coverage();
        org.botoxclinic.insurance.authorization.domain.Submission sent = c.submission();
        PayerDecision decision = c.decision();
        Approval a = c.approval();
        return new AuthorizationView(c.id(), c.referralId(), c.patientId(), c.status().name(), c.indication(), c.diagnosisCodes(),
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex()),
                new Payer(cover.payerId(), cover.payerName(), cover.memberId(), cover.groupNumber(), cover.planType()),
                new ProcedureLine(c.lines().procedureCode()),
                new DrugLine(c.lines().drugCode(), c.lines().units()),
                c.lines().visits(),
                c.checklist().items().stream().map(r -> new Requirement(r.code(), r.description(), r.required(), r.met(),
                        r.metBy(), r.note(), r.evidenceDocumentTypes(), r.evidenceDocumentIds(), r.updatedAt())).toList(),
                c.checklist().unmet(),
                documents.stream().map(Document::of).toList(),
                sent == null ? null : new Submission(sent.channel().name(), sent.payerReference(), sent.expedited(),
                        sent.submittedAt(), sent.overrideReason()),
                c.decisionDueAt(), c.isOverdue(now), c.overdueFlaggedAt(),
                decision == null ? null : decision.outcome().name(), a == null ? null : a.authorizationNumber(),
                a == null ? null : a.units(), c.usage().units(), a == null ? null : a.visits(), c.usage().visits(),
                c.validFrom(), c.validTo(), c.usage().overApproval(),
                c.usage().uses().stream().map(u -> new TreatmentLine(u.appointmentId(), u.treatmentDate(),
                        u.unitsAdministered(), u.unitsWasted(), u.beyondApproval(), u.outsideWindow(), u.recordedAt())).toList(),
                decision == null ? null : decision.denialReason(), decision == null ? null : decision.payerNote(),
                c.decidedAt(),
                c.appeal() == null ? null : new Appeal(c.appeal().submittedAt(), c.appeal().reason()),
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
