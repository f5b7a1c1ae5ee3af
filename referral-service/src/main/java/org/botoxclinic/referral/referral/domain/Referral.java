package org.botoxclinic.referral.referral.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.platform.domain.Coverage;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral of one patient to the Botox clinic, from intake to the staff's decision. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    private UUID id;
    @Enumerated(EnumType.STRING)
    private ReferralSource source;
    @Column(name = "partner_id")
    private String partnerId;
    @Column(name = "external_referral_id")
    private String externalReferralId;
    @Column(name = "idempotency_key")
    private String idempotencyKey;
    @Column(name = "submission_hash")
    private String submissionHash;
    @Enumerated(EnumType.STRING)
    private ReferralStatus status;
    @Enumerated(EnumType.STRING)
    private Indication indication;
    @Enumerated(EnumType.STRING)
    private Urgency urgency;
    @Column(name = "urgency_rank")
    private short urgencyRank;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "diagnosis_codes")
    private List<String> diagnosisCodes;
    @Embedded
    private Patient patient;
    /** The patient this referral is about; only a merge changes it (in SQL), so an entity update never writes it. */
    @Column(name = "patient_id", updatable = false)
    private UUID patientId;
    @Embedded
    private ReferringProvider referringProvider;
    @Embedded
    @AttributeOverride(name = "payerId", column = @Column(name = "insurance_payer_id"))
    @AttributeOverride(name = "payerName", column = @Column(name = "insurance_payer_name"))
    @AttributeOverride(name = "memberId", column = @Column(name = "insurance_member_id"))
    @AttributeOverride(name = "groupNumber", column = @Column(name = "insurance_group_number"))
    @AttributeOverride(name = "planType", column = @Column(name = "insurance_plan_type"))
    private Coverage insurance;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clinical_details")
    private ClinicalDetails clinicalDetails;
    private String notes;
    @Enumerated(EnumType.STRING)
    @Column(name = "triage_outcome")
    private TriageOutcome triageOutcome;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "triage_reasons")
    private List<TriageReason> triageReasons;
    @Column(name = "triaged_at")
    private OffsetDateTime triagedAt;
    @Column(name = "decision_reason")
    private String decisionReason;
    @Column(name = "info_question")
    private String infoQuestion;
    @Column(name = "info_answer")
    private String infoAnswer;
    @Column(name = "created_by")
    private String createdBy;
    @Enumerated(EnumType.STRING)
    private ReferralStage stage;
    /** Whether a payer has ever approved it: a cancelled appointment then leaves it authorized. */
    private boolean authorized;
    /** When the latest progress its stage reflects happened: an older report arriving late does not move it back. */
    @Column(name = "progress_at")
    private OffsetDateTime progressAt;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private int version;

    protected Referral() {
    }

    /** A new referral as received, before screening. */
    public static Referral receive(ReferralSource source, String partnerId, String externalReferralId, String idempotencyKey,
                                   String submissionHash, Indication indication, Urgency urgency, List<String> diagnosisCodes,
                                   Patient patient, UUID patientId, ReferringProvider referringProvider, Coverage insurance,
                                   ClinicalDetails clinicalDetails, String notes, String createdBy, OffsetDateTime now) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.source = source;
        referral.partnerId = partnerId;
        referral.externalReferralId = externalReferralId;
        referral.idempotencyKey = idempotencyKey;
        referral.submissionHash = submissionHash;
        referral.status = ReferralStatus.RECEIVED;
        referral.stage = ReferralStage.of(referral.status);
        referral.indication = indication;
        referral.urgency = urgency == null ? Urgency.ROUTINE : urgency;
        referral.urgencyRank = (short) (referral.urgency == Urgency.URGENT ? 0 : 1);
        referral.diagnosisCodes = List.copyOf(diagnosisCodes);
        referral.patient = patient;
        referral.patientId = patientId;
        referral.referringProvider = referringProvider;
        referral.insurance = insurance;
        referral.clinicalDetails = clinicalDetails;
        referral.notes = notes;
        referral.createdBy = createdBy;
        referral.createdAt = now;
        referral.updatedAt = now;
        return referral;
    }

    public void triaged(TriageResult result, OffsetDateTime now) {
        this.triageOutcome = result.outcome();
        this.triageReasons = result.reasons();
        this.triagedAt = now;
        this.updatedAt = now;
    }

    public void accept(OffsetDateTime now) {
        moveTo(ReferralStatus.ACCEPTED, "accepted", now);
        this.decisionReason = null;
    }

    public void decline(String reason, OffsetDateTime now) {
        moveTo(ReferralStatus.DECLINED, "declined", now);
        this.decisionReason = reason;
    }

    public void requestInformation(String question, OffsetDateTime now) {
        moveTo(ReferralStatus.INFO_REQUESTED, "asked for information", now);
        this.infoQuestion = question;
        this.infoAnswer = null;
    }

    /** The partner answers the clinic's question, possibly with new clinical details or insurance; it goes back to intake. */
    public void provideInformation(String answer, ClinicalDetails newDetails, Coverage newInsurance, OffsetDateTime now) {
        moveTo(ReferralStatus.RECEIVED, "answered", now);
        this.infoAnswer = answer;
        if (newDetails != null) {
            this.clinicalDetails = newDetails;
        }
        if (newInsurance != null) {
            this.insurance = newInsurance;
        }
    }

    public void cancel(String reason, OffsetDateTime now) {
        moveTo(ReferralStatus.CANCELLED, "cancelled", now);
        this.decisionReason = reason;
    }

    private void moveTo(ReferralStatus next, String action, OffsetDateTime now) {
        status = status.moveTo(next, "referral", action);
        stage = ReferralStage.of(status);
        updatedAt = now;
    }

    /**
     * Notes what another service reported about this referral, as of when it happened there. Only an accepted
     * referral's stage follows progress; reports arriving out of order leave it at the latest one.
     */
    public void noteProgress(ReferralProgress progress, OffsetDateTime at) {
        if (progress == ReferralProgress.AUTHORIZATION_APPROVED) {
            authorized = true;
        }
        if (status != ReferralStatus.ACCEPTED || (progressAt != null && at.isBefore(progressAt))) {
            return;
        }
        stage = stage.after(progress, authorized);
        progressAt = at;
    }

    public boolean belongsTo(String partner) {
        return partnerId != null && partnerId.equals(partner);
    }

    public boolean isSameSubmission(String hash) {
        return submissionHash != null && submissionHash.equals(hash);
    }

    public UUID id() { return id; }
    public ReferralSource source() { return source; }
    public String partnerId() { return partnerId; }
    public String externalReferralId() { return externalReferralId; }
    public String idempotencyKey() { return idempotencyKey; }
    public ReferralStatus status() { return status; }
    public Indication indication() { return indication; }
    public Urgency urgency() { return urgency; }
    public short urgencyRank() { return urgencyRank; }
    public List<String> diagnosisCodes() { return diagnosisCodes; }
    public Patient patient() { return patient; }
    public UUID patientId() { return patientId; }
    public ReferringProvider referringProvider() { return referringProvider; }
    public Coverage insurance() { return insurance; }
    public ClinicalDetails clinicalDetails() { return clinicalDetails; }
    public String notes() { return notes; }
    public TriageOutcome triageOutcome() { return triageOutcome; }
    public List<TriageReason> triageReasons() { return triageReasons == null ? List.of() : triageReasons; }
    public OffsetDateTime triagedAt() { return triagedAt; }
    public String decisionReason() { return decisionReason; }
    public String infoQuestion() { return infoQuestion; }
    public String infoAnswer() { return infoAnswer; }
    public ReferralStage stage() { return stage; }
    public String createdBy() { return createdBy; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
