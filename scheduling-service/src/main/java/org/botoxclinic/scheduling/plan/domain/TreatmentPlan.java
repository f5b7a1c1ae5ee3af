package org.botoxclinic.scheduling.plan.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
    @Enumerated(EnumType.STRING)
    PlanStatus status;
    @Column(name = "cancelled_at")
    OffsetDateTime cancelledAt;
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
        plan.status = PlanStatus.AWAITING_AUTHORIZATION;
        plan.createdAt = now;
        plan.updatedAt = now;
        return plan;
    }

    public void referralAccepted(PlanPatient patient, String indication, OffsetDateTime acceptedAt, OffsetDateTime now) {
        this.patientFirstName = patient.firstName();
        this.patientLastName = patient.lastName();
        this.patientDateOfBirth = patient.dateOfBirth();
        this.patientSex = patient.sex();
        if (indication != null) {
            this.indication = indication;
        }
        this.acceptedAt = acceptedAt;
        this.updatedAt = now;
    }

    /**
     * A new authorization starts its own count of visits and units; the same one delivered again changes nothing.
     * A cancelled plan stays cancelled.
     */
    public void authorizationApproved(Authorization authorization, String approvedIndication, PlanPatient patient,
                                      boolean hasOpenAppointment, OffsetDateTime now) {
        if (!authorization.id().equals(authorizationId)) {
            this.visitsUsed = 0;
            this.unitsUsed = 0;
        }
        this.authorizationId = authorization.id();
        this.authorizationNumber = authorization.number();
        this.validFrom = authorization.validFrom();
        this.validTo = authorization.validTo();
        this.approvedVisits = authorization.approvedVisits();
        this.approvedUnits = authorization.approvedUnits();
        if (indication == null) {
            this.indication = approvedIndication;
        }
        if (patientDateOfBirth == null && patient != null) {
            this.patientFirstName = patient.firstName();
            this.patientLastName = patient.lastName();
            this.patientDateOfBirth = patient.dateOfBirth();
            this.patientSex = patient.sex();
        }
        if (status != PlanStatus.CANCELLED) {
            this.status = hasOpenAppointment ? PlanStatus.SCHEDULED : PlanStatus.READY_TO_SCHEDULE;
        }
        this.updatedAt = now;
    }

    /**
     * The payer ended an authorization (denied, expired or exhausted). It only matters when it is the plan's own
     * authorization or the plan has none yet: a denied re-authorization does not undo a still valid approval.
     */
    public boolean authorizationEnded(UUID endedAuthorizationId, PlanStatus outcome, OffsetDateTime now) {
        if (status == PlanStatus.CANCELLED
                || (authorizationId != null && !authorizationId.equals(endedAuthorizationId))) {
            return false;
        }
        this.status = outcome;
        this.updatedAt = now;
        return true;
    }

    public void cancel(OffsetDateTime cancelledAt, OffsetDateTime now) {
        this.status = PlanStatus.CANCELLED;
        this.cancelledAt = cancelledAt;
        this.updatedAt = now;
    }

    public void booked(OffsetDateTime now) {
        if (status == PlanStatus.READY_TO_SCHEDULE) {
            this.status = PlanStatus.SCHEDULED;
        }
        this.updatedAt = now;
    }

    /** The open appointment was cancelled, missed or completed: the patient needs a booking again. */
    public void appointmentClosed(OffsetDateTime now) {
        if (status == PlanStatus.SCHEDULED) {
            this.status = PlanStatus.READY_TO_SCHEDULE;
        }
        this.updatedAt = now;
    }

    /** A treatment counts one visit and every unit drawn (given plus wasted) against the authorization. */
    public void treated(LocalDate date, int unitsAdministered, int unitsWasted, OffsetDateTime now) {
        this.visitsUsed += 1;
        this.unitsUsed += unitsAdministered + unitsWasted;
        if (lastTreatmentDate == null || date.isAfter(lastTreatmentDate)) {
            this.lastTreatmentDate = date;
        }
        appointmentClosed(now);
    }

    /** Booking needs an approval in force: not awaiting one, denied, expired, exhausted or cancelled. */
    public boolean isBookable() {
        return authorizationId != null && (status == PlanStatus.READY_TO_SCHEDULE || status == PlanStatus.SCHEDULED);
    }

    public PlanStatus status() {
        return status;
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
    public AuthorizationUsage usage() {
        return authorizationId == null ? null : AuthorizationUsage.of(authorization(), visitsUsed, unitsUsed);
    }
    public OffsetDateTime cancelledAt() { return cancelledAt; }
    public int visitsUsed() { return visitsUsed; }
    public int unitsUsed() { return unitsUsed; }
    public LocalDate lastTreatmentDate() { return lastTreatmentDate; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
