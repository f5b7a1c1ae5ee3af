package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.PatientIdentity;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.botoxclinic.platform.domain.Coverage;

/** One pre-authorization request to a payer for one accepted referral: lines, submission, decision, usage. */
@Entity
@Table(name = "authorization_case")
public class AuthorizationCase {

    /** How a refused status change names the case. */
    public static final String RESOURCE = "authorization case";

    @Id
    private UUID id;
    @Column(name = "referral_id")
    private UUID referralId;
    @Column(name = "previous_case_id")
    private UUID previousCaseId;
    @Column(name = "patient_id")
    private UUID patientId;
    @Enumerated(EnumType.STRING)
    private CaseStatus status;
    private String indication;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "diagnosis_codes")
    private List<String> diagnosisCodes;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clinical_details")
    private Map<String, Object> clinicalDetails;
    @Embedded
    private PatientIdentity patient;
    @Embedded
    private Coverage coverage;
    @Embedded
    private RequestedLines lines;
    @Embedded
    private Submission submission;
    @Embedded
    private DecisionDue due;
    @Embedded
    private PayerDecision decision;
    @Embedded
    private Approval approval;
    @Embedded
    private Appeal appeal;
    @Column(name = "withdrawal_reason")
    private String withdrawalReason;
    @Embedded
    private TreatmentUsage usage = new TreatmentUsage();
    @Embedded
    private QueuePosition queue;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private int version;
    @Embedded
    private CaseChecklist checklist;
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    private List<StatusChange> history = new ArrayList<>();

    protected AuthorizationCase() {
    }

    /** Opens the case for an accepted referral: the default lines, and a checklist whose proven items start met. */
    public static AuthorizationCase open(AcceptedReferral referral, IndicationDefaults defaults,
                                         List<RequirementTemplate> items, OffsetDateTime now) {
        return new AuthorizationCase(referral, null, defaults, items, "opened for the accepted referral", now);
    }

    /** Opens the next case for the same patient and payer, linked to this one; its checklist is the reauthorization one. */
    public AuthorizationCase reauthorization(IndicationDefaults defaults, List<RequirementTemplate> items,
                                             ReauthorizationReason reason, OffsetDateTime now) {
        AcceptedReferral same = new AcceptedReferral(referralId, patientId, indication, diagnosisCodes, patient, coverage,
                clinicalDetails);
        return new AuthorizationCase(same, id, defaults, items, "reauthorization: " + reason, now);
    }

    private AuthorizationCase(AcceptedReferral referral, UUID previousCaseId, IndicationDefaults defaults,
                              List<RequirementTemplate> items, String note, OffsetDateTime now) {
        this.id = UUID.randomUUID();
        this.referralId = referral.referralId();
        this.previousCaseId = previousCaseId;
        this.patientId = referral.patientId();
        this.indication = referral.indication();
        this.diagnosisCodes = List.copyOf(referral.diagnosisCodes());
        this.clinicalDetails = referral.clinicalDetails() == null ? null : new LinkedHashMap<>(referral.clinicalDetails());
        this.patient = referral.patient();
        this.coverage = referral.coverage();
        this.lines = RequestedLines.from(defaults);
        this.status = CaseStatus.PENDING_SUBMISSION;
        this.checklist = CaseChecklist.of(items, this.clinicalDetails, now);
        this.createdAt = now;
        this.history.add(new StatusChange(null, status, now, note));
        this.updatedAt = now;
        this.queue = QueuePosition.of(status, null, null, now);
    }

    /** Staff record whether an item is documented; only while the checklist still matters for a submission. */
    public CaseRequirement updateRequirement(String code, boolean met, String note, OffsetDateTime now) {
        return updateRequirement(code, met, note, null, Map.of(), now);
    }

    /**
     * Staff record whether an item is documented and link the referral's documents that show it ({@link EvidenceLinks});
     * {@code evidenceDocumentIds} null keeps the links the item has.
     *
     * @param referralDocuments the referral's documents: id to document type
     */
    public CaseRequirement updateRequirement(String code, boolean met, String note, List<UUID> evidenceDocumentIds,
                                             Map<UUID, String> referralDocuments, OffsetDateTime now) {
        CaseRequirement item = checklist.set(code, met, note, evidenceDocumentIds, referralDocuments, status, now);
        updatedAt = now;
        return item;
    }

    /** The latest treatment outcome decides the documented-benefit item (see {@link DocumentedBenefit}). */
    public boolean assessBenefit(DocumentedBenefit.Assessment assessment, OffsetDateTime now) {
        boolean changed = checklist.assessBenefit(assessment, status, now);
        if (changed) {
            updatedAt = now;
        }
        return changed;
    }

    /** Whether the checklist asks for documented benefit, and may still change. */
    public boolean awaitsDocumentedBenefit() {
        return status.checklistEditable() && checklist.item(DocumentedBenefit.REQUIREMENT).isPresent();
    }

    /** referral-service merged the case's patient into another: the case follows the surviving patient. */
    public void fileUnderPatient(UUID survivingPatientId, OffsetDateTime now) {
        patientId = survivingPatientId;
        updatedAt = now;
    }

    /** The request goes to the payer and its clock starts; see {@link Submission#against} for unmet items. */
    public void submit(Submission sent, OffsetDateTime dueAt, OffsetDateTime now) {
        // A case that may not be submitted at all says so first, whatever its checklist.
        Submission kept = status.canBecome(CaseStatus.SUBMITTED) ? sent.against(checklist.unmet()) : sent;
        moveTo(CaseStatus.SUBMITTED, "submitted", kept.note(), now, () -> {
            submission = kept;
            due = new DecisionDue(dueAt);
        });
    }

    /** Records the payer's decision (on a submission or an appeal); callers check {@link DecisionRules} first. */
    public void decide(Decision decision, OffsetDateTime now) {
        moveTo(decision.outcome().status(), decision.outcome().participle(), decision.payerNote(), now, () -> {
            this.decision = PayerDecision.of(decision, now);
            if (decision.outcome().grants()) {
                approval = Approval.of(decision);
            }
        });
    }

    /** A denial is contested; the payer's own appeal clock now runs. Refused if filed before the denial itself. */
    public void appeal(OffsetDateTime appealedAt, String reason, OffsetDateTime dueAt, OffsetDateTime now) {
        if (status.canBecome(CaseStatus.APPEALED)) {
            InvalidInputException.throwIfAny(RequestRules.appeal(appealedAt, reason, decidedAt(), now));
        }
        moveTo(CaseStatus.APPEALED, "appealed", reason, now, () -> {
            appeal = new Appeal(appealedAt, reason);
            due = new DecisionDue(dueAt);
        });
    }

    public void withdraw(String reason, OffsetDateTime now) {
        moveTo(CaseStatus.WITHDRAWN, "withdrawn", reason, now, () -> withdrawalReason = reason);
    }

    /** The referral was cancelled: an open case closes; a closed one stays as it ended. */
    public boolean cancel(String reason, OffsetDateTime now) {
        if (!status.canBecome(CaseStatus.CANCELLED)) {
            return false;
        }
        moveTo(CaseStatus.CANCELLED, "cancelled", reason, now, () -> { });
        return true;
    }

    /** The approval's last good day has passed. */
    public void expire(OffsetDateTime now) {
        moveTo(CaseStatus.EXPIRED, "expired", "valid to " + validTo(), now, () -> { });
    }

    /** The payer's answer is late; flagged once for the queue, cleared by the next submission or appeal. */
    public boolean flagOverdue(OffsetDateTime now) {
        return status.awaitsDecision() && due.flag(now);
    }

    public boolean isOverdue(OffsetDateTime now) {
        return status.awaitsDecision() && due.passed(now);
    }

    /**
     * Counts a treatment inside this approval's window (see {@link TreatmentUsage}); using up the approved visits or
     * units closes a running approval as EXHAUSTED. @return whether this treatment exhausted the approval
     */
    public boolean recordTreatment(Treatment treatment, OffsetDateTime now) {
        // The window covers the date (the caller chose this case for it), so only the counts can go beyond the approval.
        boolean usedUp = usage.count(treatment, approval, now);
        updatedAt = now;
        if (!status.grants() || !usedUp) {
            return false;
        }
        moveTo(CaseStatus.EXHAUSTED, "exhausted", "visits " + usage.visits() + "/" + approval.visits() + ", units "
                + usage.units() + "/" + approval.units(), now, () -> { });
        return true;
    }

    /** A treatment no approval's window covers: kept on the referral's latest case and flagged, never dropped. */
    public void recordUncoveredTreatment(Treatment treatment, OffsetDateTime now) {
        usage.keepUncovered(treatment, now);
        updatedAt = now;
    }

    /** The one way the status changes: a move {@link CaseStatus} allows, kept in the history, placed in the queue. */
    private void moveTo(CaseStatus next, String action, String note, OffsetDateTime now, Runnable change) {
        CaseStatus from = status;
        status = status.moveTo(next, RESOURCE, action);
        change.run();
        history.add(new StatusChange(from, status, now, note));
        updatedAt = now;
        queue = QueuePosition.of(status, decisionDueAt(), validTo(), now);
    }

    public LocalDate validFrom() { return approval == null ? null : approval.validFrom(); }
    public LocalDate validTo() { return approval == null ? null : approval.validTo(); }
    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public UUID previousCaseId() { return previousCaseId; }
    /** referral-service's patient id (after merges, the surviving one); null for cases opened before patient ids. */
    public UUID patientId() { return patientId; }
    public CaseStatus status() { return status; }
    public String indication() { return indication; }
    public List<String> diagnosisCodes() { return diagnosisCodes; }
    public Map<String, Object> clinicalDetails() { return clinicalDetails; }
    public PatientIdentity patient() { return patient; }
    public Coverage coverage() { return coverage; }
    public RequestedLines lines() { return lines; }
    /** Null until the case is first submitted. */
    public Submission submission() { return submission; }
    public OffsetDateTime decisionDueAt() { return due == null ? null : due.at(); }
    public OffsetDateTime overdueFlaggedAt() { return due == null ? null : due.flaggedAt(); }
    /** Null until the payer answers. */
    public PayerDecision decision() { return decision; }
    public OffsetDateTime decidedAt() { return decision == null ? null : decision.decidedAt(); }
    /** Null until a payer approves the case. */
    public Approval approval() { return approval; }
    /** Null unless a denial was appealed. */
    public Appeal appeal() { return appeal; }
    public String withdrawalReason() { return withdrawalReason; }
    public TreatmentUsage usage() { return usage; }
    public QueuePosition queue() { return queue; }
    public CaseChecklist checklist() { return checklist; }
    public List<StatusChange> history() { return Collections.unmodifiableList(history); }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
