package org.botoxclinic.scheduling.plan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A patient's path to the chair: who they are and for what (from the accepted referral), and what the payer
 * allows (from the approval). Either event may arrive first; each fills in its part.
 */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan {

    @Id
    @Column(name = "referral_id")
    UUID referralId;
    @Column(name = "patient_first_name")
    String patientFirstName;
    @Column(name = "patient_last_name")
    String patientLastName;
    @Column(name = "patient_date_of_birth")
    LocalDate patientDateOfBirth;
    @Column(name = "patient_sex")
    String patientSex;
    String indication;
    @Column(name = "accepted_at")
    OffsetDateTime acceptedAt;
    @Column(name = "authorization_id")
    UUID authorizationId;
    @Column(name = "authorization_number")
    String authorizationNumber;
    @Column(name = "valid_from")
    LocalDate validFrom;
    @Column(name = "valid_to")
    LocalDate validTo;
    @Column(name = "approved_visits")
    Integer approvedVisits;
    @Column(name = "approved_units")
    Integer approvedUnits;
    @Column(name = "visits_used")
    int visitsUsed;
    @Column(name = "units_used")
    int unitsUsed;
    @Column(name = "last_treatment_date")
    LocalDate lastTreatmentDate;
    @Column(name = "created_at")
    OffsetDateTime createdAt;
    @Column(name = "updated_at")
    OffsetDateTime updatedAt;
    @Version
    int version;

    protected TreatmentPlan() {
    }

    public static TreatmentPlan start(UUID referralId, String indication, OffsetDateTime now) {
        TreatmentPlan plan = new TreatmentPlan();
        plan.referralId = referralId;
        plan.indication = indication;
        plan.createdAt = now;
        plan.updatedAt = now;
        return plan;
    }

    public void referralAccepted(PlanPatient patient, String indication, OffsetDateTime acceptedAt, OffsetDateTime now) {
        this.patientFirstName = patient.firstName();
        this.patientLastName = patient.lastName();
        this.patientDateOfBirth = patient.dateOfBirth();
        this.patientSex = patient.sex();
        this.indication = indication;
        this.acceptedAt = acceptedAt;
        this.updatedAt = now;
    }

    public void authorizationApproved(Authorization authorization, PlanPatient patient, OffsetDateTime now) {
        this.authorizationId = authorization.id();
        this.authorizationNumber = authorization.number();
        this.validFrom = authorization.validFrom();
        this.validTo = authorization.validTo();
        this.approvedVisits = authorization.approvedVisits();
        this.approvedUnits = authorization.approvedUnits();
        if (patientDateOfBirth == null && patient != null) {
            this.patientFirstName = patient.firstName();
            this.patientLastName = patient.lastName();
            this.patientDateOfBirth = patient.dateOfBirth();
            this.patientSex = patient.sex();
        }
        this.updatedAt = now;
    }

    public PlanStatus status() {
        return authorizationId == null ? PlanStatus.AWAITING_AUTHORIZATION : PlanStatus.READY_TO_SCHEDULE;
    }

    public UUID referralId() { return referralId; }
    public PlanPatient patient() {
        return patientDateOfBirth == null && patientLastName == null ? null
                : new PlanPatient(patientFirstName, patientLastName, patientDateOfBirth, patientSex);
    }
    public String indication() { return indication; }
    public OffsetDateTime acceptedAt() { return acceptedAt; }
    public Authorization authorization() {
        return authorizationId == null ? null
                : new Authorization(authorizationId, authorizationNumber, validFrom, validTo, approvedVisits, approvedUnits);
    }
    public int visitsUsed() { return visitsUsed; }
    public int unitsUsed() { return unitsUsed; }
    public LocalDate lastTreatmentDate() { return lastTreatmentDate; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
