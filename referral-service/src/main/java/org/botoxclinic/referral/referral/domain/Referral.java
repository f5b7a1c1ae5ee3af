package org.botoxclinic.referral.referral.domain;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.referral.referral.events.ReferralAccepted;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A referral of one patient to the Botox clinic, from intake to the staff's decision. */
@Entity
@Table(name = "referral")
public class Referral {

    @Id
    UUID id;
    @Enumerated(EnumType.STRING)
    ReferralSource source;
    @Column(name = "partner_id")
    String partnerId;
    @Column(name = "external_referral_id")
    String externalReferralId;
    @Enumerated(EnumType.STRING)
    ReferralStatus status;
    @Enumerated(EnumType.STRING)
    Indication indication;
    @Enumerated(EnumType.STRING)
    Urgency urgency;
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "diagnosis_codes")
    List<String> diagnosisCodes;
    @Embedded
    Patient patient;
    @Embedded
    ReferringProvider referringProvider;
    @Embedded
    Coverage insurance;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "clinical_details")
    ClinicalDetails clinicalDetails;
    String notes;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    int version;

    protected Referral() {
    }

    public static Referral receive(ReferralSource source, String partnerId, String externalReferralId, Indication indication,
                                   Urgency urgency, List<String> diagnosisCodes, Patient patient,
                                   ReferringProvider referringProvider, Coverage insurance, ClinicalDetails clinicalDetails,
                                   String notes, OffsetDateTime now) {
        Referral referral = new Referral();
        referral.id = UUID.randomUUID();
        referral.source = source;
        referral.partnerId = partnerId;
        referral.externalReferralId = externalReferralId;
        referral.status = ReferralStatus.RECEIVED;
        referral.indication = indication;
        referral.urgency = urgency == null ? Urgency.ROUTINE : urgency;
        referral.diagnosisCodes = List.copyOf(diagnosisCodes);
        referral.patient = patient;
        referral.referringProvider = referringProvider;
        referral.insurance = insurance;
        referral.clinicalDetails = clinicalDetails;
        referral.notes = notes;
        referral.createdAt = now;
        referral.updatedAt = now;
        return referral;
    }

    /** Staff accept the patient for treatment; the event carries what insurance and scheduling need. */
    public ReferralAccepted accept(OffsetDateTime now) {
        moveTo(ReferralStatus.ACCEPTED, "accepted", now);
        return ReferralAccepted.of(this, now);
    }

    private void moveTo(ReferralStatus target, String action, OffsetDateTime now) {
        if (!status.canMoveTo(target)) {
            throw new IllegalTransitionException("referral", status, action);
        }
        status = target;
        updatedAt = now;
    }

    public boolean belongsTo(String partner) {
        return partnerId != null && partnerId.equals(partner);
    }

    public UUID id() {
        return id;
    }

    public ReferralSource source() {
        return source;
    }

    public String partnerId() {
        return partnerId;
    }

    public String externalReferralId() {
        return externalReferralId;
    }

    public ReferralStatus status() {
        return status;
    }

    public Indication indication() {
        return indication;
    }

    public Urgency urgency() {
        return urgency;
    }

    public List<String> diagnosisCodes() {
        return diagnosisCodes;
    }

    public Patient patient() {
        return patient;
    }

    public ReferringProvider referringProvider() {
        return referringProvider;
    }

    public Coverage insurance() {
        return insurance;
    }

    public ClinicalDetails clinicalDetails() {
        return clinicalDetails;
    }

    public String notes() {
        return notes;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
