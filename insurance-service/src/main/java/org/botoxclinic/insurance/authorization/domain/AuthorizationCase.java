package org.botoxclinic.insurance.authorization.domain;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
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
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    int version;

    protected AuthorizationCase() {
    }

    /** Opens the case for an accepted referral, requesting the indication's default lines. */
    public static AuthorizationCase open(AcceptedReferral referral, IndicationDefaults defaults, OffsetDateTime now) {
        AuthorizationCase c = new AuthorizationCase();
        c.id = UUID.randomUUID();
        c.referralId = referral.referralId();
        c.status = CaseStatus.PENDING_SUBMISSION;
        c.indication = referral.indication();
        c.diagnosisCodes = List.copyOf(referral.diagnosisCodes());
        c.procedureCode = defaults.procedureCode();
        c.drugCode = defaults.drugCode();
        c.requestedUnits = defaults.unitsPerVisit() * defaults.visits();
        c.requestedVisits = defaults.visits();
        c.payerId = referral.payerId();
        c.payerName = referral.payerName();
        c.memberId = referral.memberId();
        c.groupNumber = referral.groupNumber();
        c.planType = referral.planType();
        c.patientFirstName = referral.patientFirstName();
        c.patientLastName = referral.patientLastName();
        c.patientDateOfBirth = referral.patientDateOfBirth();
        c.patientSex = referral.patientSex();
        c.createdAt = now;
        c.updatedAt = now;
        return c;
    }

    /** The request goes to the payer; the decision clock starts from the submission time. */
    public void submit(SubmissionChannel channel, String payerReference, boolean expedited, OffsetDateTime submittedAt,
                       Duration decisionClock, OffsetDateTime now) {
        moveTo(CaseStatus.SUBMITTED, "submitted", now);
        this.submissionChannel = channel;
        this.payerReference = payerReference;
        this.expedited = expedited;
        this.submittedAt = submittedAt;
        this.decisionDueAt = submittedAt.plus(decisionClock);
    }

    /** Records the payer's decision; callers check {@link DecisionRules} first. */
    public void decide(Decision decision, OffsetDateTime now) {
        moveTo(decision.outcome().status(), "decided " + decision.outcome(), now);
        this.outcome = decision.outcome();
        this.payerNote = decision.payerNote();
        this.decidedAt = now;
        if (decision.outcome().grants()) {
            this.authorizationNumber = decision.authorizationNumber();
            this.approvedUnits = decision.approvedUnits();
            this.approvedVisits = decision.approvedVisits();
            this.validFrom = decision.validFrom();
            this.validTo = decision.validTo();
        } else if (decision.outcome() == DecisionOutcome.DENIED) {
            this.denialReason = decision.denialReason();
        }
    }

    private void moveTo(CaseStatus target, String action, OffsetDateTime now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("authorization case", status, action);
        }
        status = target;
        updatedAt = now;
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
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
