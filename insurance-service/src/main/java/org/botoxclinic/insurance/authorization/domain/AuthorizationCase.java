package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One pre-authorization request to a payer for one accepted referral: lines, submission, decision, usage. */
@Entity
@Table(name = "authorization_case")
public class AuthorizationCase {

    @Id
    UUID id;
    @Column(name = "referral_id")
    UUID referralId;
    @Column(name = "previous_case_id")
    UUID previousCaseId;
    @Enumerated(EnumType.STRING)
    CaseStatus status;
    String indication;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "diagnosis_codes")
    List<String> diagnosisCodes;
    @Column(name = "procedure_code")
    String procedureCode;
    @Column(name = "drug_code")
    String drugCode;
    @Column(name = "requested_units")
    int requestedUnits;
    @Column(name = "requested_visits")
    int requestedVisits;
    @Column(name = "payer_id")
    String payerId;
    @Column(name = "payer_name")
    String payerName;
    @Column(name = "member_id")
    String memberId;
    @Column(name = "group_number")
    String groupNumber;
    @Column(name = "plan_type")
    String planType;
    @Column(name = "patient_first_name")
    String patientFirstName;
    @Column(name = "patient_last_name")
    String patientLastName;
    @Column(name = "patient_date_of_birth")
    LocalDate patientDateOfBirth;
    @Column(name = "patient_sex")
    String patientSex;
    @Enumerated(EnumType.STRING)
    @Column(name = "submission_channel")
    SubmissionChannel submissionChannel;
    @Column(name = "payer_reference")
    String payerReference;
    Boolean expedited;
    @Column(name = "submitted_at")
    OffsetDateTime submittedAt;
    @Column(name = "decision_due_at")
    OffsetDateTime decisionDueAt;
    @Enumerated(EnumType.STRING)
    DecisionOutcome outcome;
    @Column(name = "authorization_number")
    String authorizationNumber;
    @Column(name = "approved_units")
    Integer approvedUnits;
    @Column(name = "approved_visits")
    Integer approvedVisits;
    @Column(name = "valid_from")
    LocalDate validFrom;
    @Column(name = "valid_to")
    LocalDate validTo;
    @Column(name = "denial_reason")
    String denialReason;
    @Column(name = "payer_note")
    String payerNote;
    @Column(name = "decided_at")
    OffsetDateTime decidedAt;
    @Column(name = "units_used")
    int unitsUsed;
    @Column(name = "visits_used")
    int visitsUsed;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clinical_details")
    Map<String, Object> clinicalDetails;
    @Column(name = "submission_override")
    String submissionOverride;
    @Column(name = "appeal_submitted_at")
    OffsetDateTime appealSubmittedAt;
    @Column(name = "appeal_reason")
    String appealReason;
    @Column(name = "withdrawal_reason")
    String withdrawalReason;
    @Column(name = "over_approval")
    boolean overApproval;
    @Column(name = "overdue_flagged_at")
    OffsetDateTime overdueFlaggedAt;
    @Column(name = "queue_rank")
    int queueRank;
    @Column(name = "queue_at")
    OffsetDateTime queueAt;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    int version;
    @OneToMany(cascade = CascadeType.ALL, orphanRemoval = true)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("position, code")
    List<CaseRequirement> requirements = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    List<StatusChange> history = new ArrayList<>();
    @OneToMany(cascade = CascadeType.ALL)
    @JoinColumn(name = "case_id", nullable = false, updatable = false)
    @OrderBy("id")
    List<TreatmentUse> uses = new ArrayList<>();

    protected AuthorizationCase() {
    }

    /** Opens the case for an accepted referral: the default lines, and a checklist whose proven items start met. */
    public static AuthorizationCase open(AcceptedReferral referral, IndicationDefaults defaults,
                                         List<RequirementTemplate> checklist, OffsetDateTime now) {
        AuthorizationCase c = new AuthorizationCase();
        c.id = UUID.randomUUID();
        c.referralId = referral.referralId();
        c.indication = referral.indication();
        c.diagnosisCodes = List.copyOf(referral.diagnosisCodes());
        c.payerId = referral.payerId();
        c.payerName = referral.payerName();
        c.memberId = referral.memberId();
        c.groupNumber = referral.groupNumber();
        c.planType = referral.planType();
        c.patientFirstName = referral.patientFirstName();
        c.patientLastName = referral.patientLastName();
        c.patientDateOfBirth = referral.patientDateOfBirth();
        c.patientSex = referral.patientSex();
        c.clinicalDetails = referral.clinicalDetails() == null ? null : new LinkedHashMap<>(referral.clinicalDetails());
        c.start(defaults, checklist, "opened for the accepted referral", now);
        return c;
    }

    /** Opens the next case for the same patient and payer, linked to this one; its checklist is the reauthorization one. */
    public AuthorizationCase reauthorization(IndicationDefaults defaults, List<RequirementTemplate> checklist,
                                             ReauthorizationReason reason, OffsetDateTime now) {
        AuthorizationCase c = new AuthorizationCase();
        c.id = UUID.randomUUID();
        c.referralId = referralId;
        c.previousCaseId = id;
        c.indication = indication;
        c.diagnosisCodes = List.copyOf(diagnosisCodes);
        c.payerId = payerId;
        c.payerName = payerName;
        c.memberId = memberId;
        c.groupNumber = groupNumber;
        c.planType = planType;
        c.patientFirstName = patientFirstName;
        c.patientLastName = patientLastName;
        c.patientDateOfBirth = patientDateOfBirth;
        c.patientSex = patientSex;
        c.clinicalDetails = clinicalDetails == null ? null : new LinkedHashMap<>(clinicalDetails);
        c.start(defaults, checklist, "reauthorization: " + reason, now);
        return c;
    }

    private void start(IndicationDefaults defaults, List<RequirementTemplate> checklist, String note, OffsetDateTime now) {
        status = CaseStatus.PENDING_SUBMISSION;
        procedureCode = defaults.procedureCode();
        drugCode = defaults.drugCode();
        requestedUnits = defaults.unitsPerVisit() * defaults.visits();
        requestedVisits = defaults.visits();
        for (RequirementTemplate t : checklist) {
            requirements.add(CaseRequirement.from(t, EvidenceRule.proves(t.evidence(), clinicalDetails), now));
        }
        createdAt = now;
        history.add(new StatusChange(null, status, now, note));
        touch(now);
        queueAt = now;
    }

    /** Staff record whether an item is documented; only while the checklist still matters for a submission. */
    public CaseRequirement updateRequirement(String code, boolean met, String note, OffsetDateTime now) {
        if (!status.checklistEditable()) {
            throw new IllegalTransitionException("authorization case", status, "given checklist changes");
        }
        CaseRequirement item = requirement(code)
                .orElseThrow(() -> new NoSuchElementException("no requirement " + code + " on case " + id));
        item.set(met, note, now);
        touch(now);
        return item;
    }

    public Optional<CaseRequirement> requirement(String code) {
        return requirements.stream().filter(r -> r.code().equals(code)).findFirst();
    }

    /** The required items not yet met, in checklist order. */
    public List<String> unmetRequirements() {
        return requirements.stream().filter(r -> r.required() && !r.met()).map(CaseRequirement::code).toList();
    }

    /**
     * The request goes to the payer; the decision clock starts from the submission time. An override of unmet
     * requirements is kept with its reason.
     */
    public void submit(SubmissionChannel channel, String payerReference, boolean expedited, OffsetDateTime submittedAt,
                       OffsetDateTime dueAt, String overrideReason, OffsetDateTime now) {
        moveTo(CaseStatus.SUBMITTED, "submitted", overrideReason == null ? "via " + channel
                : "via " + channel + ", unmet requirements overridden: " + overrideReason, now);
        this.submissionChannel = channel;
        this.payerReference = payerReference;
        this.expedited = expedited;
        this.submittedAt = submittedAt;
        this.decisionDueAt = dueAt;
        this.submissionOverride = overrideReason;
        this.overdueFlaggedAt = null;
        this.queueAt = dueAt;
    }

    /** Records the payer's decision (on a submission or an appeal); callers check {@link DecisionRules} first. */
    public void decide(Decision decision, OffsetDateTime now) {
        if (status == CaseStatus.APPEALED && decision.outcome() == DecisionOutcome.PENDED) {
            throw new IllegalTransitionException("authorization case", status, "pended");
        }
        moveTo(decision.outcome().status(), "decided " + decision.outcome(), decision.payerNote(), now);
        this.outcome = decision.outcome();
        this.payerNote = decision.payerNote();
        this.decidedAt = now;
        if (decision.outcome().grants()) {
            this.authorizationNumber = decision.authorizationNumber();
            this.approvedUnits = decision.approvedUnits();
            this.approvedVisits = decision.approvedVisits();
            this.validFrom = decision.validFrom();
            this.validTo = decision.validTo();
            this.denialReason = null;
            this.queueAt = validTo.atStartOfDay().atOffset(ZoneOffset.UTC);
        } else if (decision.outcome() == DecisionOutcome.DENIED) {
            this.denialReason = decision.denialReason();
        }
    }

    /** A denial is contested; the payer's own appeal clock now runs. */
    public void appeal(OffsetDateTime appealedAt, String reason, OffsetDateTime dueAt, OffsetDateTime now) {
        moveTo(CaseStatus.APPEALED, "appealed", reason, now);
        this.appealSubmittedAt = appealedAt;
        this.appealReason = reason;
        this.decisionDueAt = dueAt;
        this.overdueFlaggedAt = null;
        this.queueAt = dueAt;
    }

    public void withdraw(String reason, OffsetDateTime now) {
        moveTo(CaseStatus.WITHDRAWN, "withdrawn", reason, now);
        this.withdrawalReason = reason;
    }

    /** The referral was cancelled: an open case closes; a closed one stays as it ended. */
    public boolean cancel(String reason, OffsetDateTime now) {
        if (!status.canMoveTo(CaseStatus.CANCELLED)) {
            return false;
        }
        moveTo(CaseStatus.CANCELLED, "cancelled", reason, now);
        return true;
    }

    /** The approval's last good day has passed. */
    public void expire(OffsetDateTime now) {
        moveTo(CaseStatus.EXPIRED, "expired", "valid to " + validTo, now);
    }

    /** The payer's answer is late; flagged once for the queue, cleared by the next submission or appeal. */
    public boolean flagOverdue(OffsetDateTime now) {
        if (!status.awaitsDecision() || !DecisionClock.overdue(decisionDueAt, now) || overdueFlaggedAt != null) {
            return false;
        }
        overdueFlaggedAt = now;
        return true;
    }

    public boolean isOverdue(OffsetDateTime now) {
        return status.awaitsDecision() && DecisionClock.overdue(decisionDueAt, now);
    }

    /**
     * Counts a treatment given inside this approval's window: one visit and the units administered plus wasted. Use
     * beyond the approved units or visits is counted and flagged. Reaching the approved visits or units closes a
     * running approval as EXHAUSTED; a treatment reported after the case closed is still counted.
     *
     * @return true when this treatment exhausted the approval
     */
    public boolean recordTreatment(Treatment treatment, OffsetDateTime now) {
        boolean wasGranting = status.grants();
        unitsUsed += treatment.unitsUsed();
        visitsUsed += 1;
        // The window covers the date (the caller chose this case for it), so only the counts can go beyond the approval.
        boolean beyond = unitsUsed > approvedUnits || visitsUsed > approvedVisits;
        uses.add(new TreatmentUse(treatment, beyond, false, now));
        overApproval |= beyond;
        touch(now);
        if (wasGranting && (visitsUsed >= approvedVisits || unitsUsed >= approvedUnits)) {
            moveTo(CaseStatus.EXHAUSTED, "exhausted", "visits " + visitsUsed + "/" + approvedVisits + ", units "
                    + unitsUsed + "/" + approvedUnits, now);
            return true;
        }
        return false;
    }

    /** A treatment no approval's window covers: kept on the referral's latest case and flagged, never dropped. */
    public void recordUncoveredTreatment(Treatment treatment, OffsetDateTime now) {
        uses.add(new TreatmentUse(treatment, true, true, now));
        overApproval = true;
        touch(now);
    }

    private void moveTo(CaseStatus target, String action, String note, OffsetDateTime now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("authorization case", status, action);
        }
        history.add(new StatusChange(status, target, now, note));
        status = target;
        queueRank = target.queueRank();
        queueAt = now;
        touch(now);
    }

    private void touch(OffsetDateTime now) {
        updatedAt = now;
        queueRank = status.queueRank();
    }

    public UUID id() { return id; }
    public UUID referralId() { return referralId; }
    public UUID previousCaseId() { return previousCaseId; }
    public CaseStatus status() { return status; }
    public String indication() { return indication; }
    public List<String> diagnosisCodes() { return diagnosisCodes; }
    public String procedureCode() { return procedureCode; }
    public String drugCode() { return drugCode; }
    public int requestedUnits() { return requestedUnits; }
    public int requestedVisits() { return requestedVisits; }
    public String payerId() { return payerId; }
    public String payerName() { return payerName; }
    public String memberId() { return memberId; }
    public String groupNumber() { return groupNumber; }
    public String planType() { return planType; }
    public String patientFirstName() { return patientFirstName; }
    public String patientLastName() { return patientLastName; }
    public LocalDate patientDateOfBirth() { return patientDateOfBirth; }
    public String patientSex() { return patientSex; }
    public SubmissionChannel submissionChannel() { return submissionChannel; }
    public String payerReference() { return payerReference; }
    public Boolean expedited() { return expedited; }
    public OffsetDateTime submittedAt() { return submittedAt; }
    public OffsetDateTime decisionDueAt() { return decisionDueAt; }
    public DecisionOutcome outcome() { return outcome; }
    public String authorizationNumber() { return authorizationNumber; }
    public Integer approvedUnits() { return approvedUnits; }
    public Integer approvedVisits() { return approvedVisits; }
    public LocalDate validFrom() { return validFrom; }
    public LocalDate validTo() { return validTo; }
    public String denialReason() { return denialReason; }
    public String payerNote() { return payerNote; }
    public OffsetDateTime decidedAt() { return decidedAt; }
    public int unitsUsed() { return unitsUsed; }
    public int visitsUsed() { return visitsUsed; }
    public Map<String, Object> clinicalDetails() { return clinicalDetails; }
    public String submissionOverride() { return submissionOverride; }
    public OffsetDateTime appealSubmittedAt() { return appealSubmittedAt; }
    public String appealReason() { return appealReason; }
    public String withdrawalReason() { return withdrawalReason; }
    public boolean overApproval() { return overApproval; }
    public OffsetDateTime overdueFlaggedAt() { return overdueFlaggedAt; }
    public int queueRank() { return queueRank; }
    public OffsetDateTime queueAt() { return queueAt; }
    public List<CaseRequirement> requirements() { return Collections.unmodifiableList(requirements); }
    public List<StatusChange> history() { return Collections.unmodifiableList(history); }
    public List<TreatmentUse> uses() { return Collections.unmodifiableList(uses); }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
