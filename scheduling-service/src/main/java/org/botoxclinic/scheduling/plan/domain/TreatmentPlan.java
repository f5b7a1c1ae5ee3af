package org.botoxclinic.scheduling.plan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
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
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.domain.PatientIdentity;

/**
 * A patient's path to the chair: who they are and for what (from the accepted referral), and what the payer
 * allows (from the approval). Either event may arrive first; each fills in its part.
 */
@Entity
@Table(name = "treatment_plan")
public class TreatmentPlan {

    static final String RESOURCE = "treatment plan";

    @Id
    @Column(name = "referral_id")
    private UUID referralId;
    @Embedded
    private PatientIdentity patient;
    /**
     * referral-service's identity of the patient (ReferralAccepted), resolved through the merges known when it was
     * stored and re-keyed by later ones; null for plans accepted before events carried it.
     */
    @Column(name = "patient_id")
    private UUID patientId;
    private String indication;
    @Column(name = "accepted_at")
    private OffsetDateTime acceptedAt;
    @Column(name = "authorization_id")
    private UUID authorizationId;
    @Column(name = "authorization_number")
    private String authorizationNumber;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;
    @Column(name = "approved_visits")
    private Integer approvedVisits;
    @Column(name = "approved_units")
    private Integer approvedUnits;
    @Column(name = "visits_used")
    private int visitsUsed;
    @Column(name = "units_used")
    private int unitsUsed;
    @Column(name = "last_treatment_date")
    private LocalDate lastTreatmentDate;
    /**
     * The latest treatment of the same patient for the same indication on any of their plans, this one included; null
     * without a patient id. Written by the repository ({@code refreshCadence}) for all of the patient's plans at once.
     */
    @Column(name = "indication_last_treatment_date", insertable = false, updatable = false)
    private LocalDate indicationLastTreatmentDate;
    /**
     * The first day the window and the cadence allow, whatever today is: the later of the window's start and 84 days
     * after the last treatment (the plan's own, or the patient's latest for the indication). The database computes it
     * from those columns (a stored generated column), so it can never disagree with them; the next eligible date is
     * this or today, whichever is later. Queried only, for the scheduler's queues, which read it in order from an index.
     */
    @Column(name = "eligible_from", insertable = false, updatable = false)
    private LocalDate eligibleFrom;
    @Enumerated(EnumType.STRING)
    private PlanStatus status;
    @Column(name = "cancelled_at")
    private OffsetDateTime cancelledAt;
    /** The referral's figure on the indication's primary measure, before treatment (null when it gave none). */
    @Enumerated(EnumType.STRING)
    @Column(name = "baseline_measure")
    private OutcomeMeasure baselineMeasure;
    @Column(name = "baseline_value")
    private BigDecimal baselineValue;
    /** Every treatment given under the plan, whatever authorization it was billed under. */
    @Column(name = "treatments_completed")
    private int treatmentsCompleted;
    @Column(name = "second_treatment_date")
    private LocalDate secondTreatmentDate;
    @Column(name = "latest_primary_value")
    private BigDecimal latestPrimaryValue;
    @Column(name = "latest_primary_assessed_on")
    private LocalDate latestPrimaryAssessedOn;
    /**
     * The improvement the patient's response is judged on (ResponseAfterTwoTreatments), null until there is one; kept
     * up to date by every change to its inputs, for the non-responders list, which reads it in order from an index.
     */
    @Column(name = "improvement_after_second_treatment")
    private BigDecimal improvementAfterSecondTreatment;
    @Column(name = "created_at")
    private OffsetDateTime createdAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Version
    private int version;

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

    /**
     * The referral's acceptance fills in who and what the plan is for. A cancelled plan (the cancellation arrived
     * first, or the acceptance is replayed) is not reopened and keeps nothing: returns false, and nothing changes.
     * The patient id (already resolved through merges) is taken when the plan has none; an acceptance without one
     * (published before events carried it) leaves it as it is.
     */
    public boolean referralAccepted(PatientIdentity patient, UUID patientId, String indication, OffsetDateTime acceptedAt,
                                    Measurement baseline, OffsetDateTime now) {
        if (status == PlanStatus.CANCELLED) {
            return false;
        }
        this.patient = patient;
        if (this.patientId == null) {
            this.patientId = patientId;
        }
        if (indication != null) {
            this.indication = indication;
        }
        this.acceptedAt = acceptedAt;
        if (baseline != null && isBaselineFor(baseline, this.indication)) {
            this.baselineMeasure = baseline.measure();
            this.baselineValue = baseline.value();
            refreshResponse();
        }
        this.updatedAt = now;
        return true;
    }

    /** A baseline the plan can use: on a scale recorded for the indication, and a value on that scale. */
    public static boolean isBaselineFor(Measurement baseline, String indication) {
        return baseline.measure().isAllowedFor(indication) && baseline.measure().problemWith(baseline.value()).isEmpty();
    }

    /**
     * An assessment of the patient on one scale: allowed for the plan's indication, a value on that scale, assessed
     * neither after today nor before the plan began (its acceptance, or its creation when the acceptance has not
     * arrived). A cancelled plan takes none (409). The most recent outcome on the primary measure becomes the one
     * the response is judged on.
     */
    public TreatmentOutcome recordOutcome(Measurement measurement, LocalDate assessedOn, LocalDate today, ZoneId zone,
                                          OffsetDateTime now) {
        if (status == PlanStatus.CANCELLED) {
            throw new IllegalTransitionException(RESOURCE, status, "given an outcome");
        }
        Map<String, String> problems = new LinkedHashMap<>();
        LocalDate began = (acceptedAt != null ? acceptedAt : createdAt).atZoneSameInstant(zone).toLocalDate();
        if (assessedOn.isAfter(today)) {
            problems.put("assessedOn", "must not be after today (" + today + ")");
        } else if (assessedOn.isBefore(began)) {
            problems.put("assessedOn", "must not be before the plan began (" + began + ")");
        }
        OutcomeMeasure measure = measurement.measure();
        if (!measure.isAllowedFor(indication)) {
            problems.put("measure", "is not recorded for " + indication + "; allowed: " + OutcomeMeasure.allowedFor(indication));
        }
        measure.problemWith(measurement.value()).ifPresent(problem -> problems.put("value", problem));
        InvalidInputException.throwIfAny(problems);

        TreatmentOutcome outcome = TreatmentOutcome.of(referralId, measurement, assessedOn, now);
        if (measure.isPrimaryFor(indication)
                && (latestPrimaryAssessedOn == null || !assessedOn.isBefore(latestPrimaryAssessedOn))) {
            this.latestPrimaryValue = measurement.value();
            this.latestPrimaryAssessedOn = assessedOn;
            refreshResponse();
        }
        this.updatedAt = now;
        return outcome;
    }

    /**
     * A new authorization starts its own count of visits and units; the same one delivered again changes nothing.
     * A cancelled plan stays cancelled and takes no authorization: returns false, and nothing changes.
     */
    public boolean authorizationApproved(Authorization authorization, String approvedIndication, PatientIdentity patient,
                                         boolean hasOpenAppointment, OffsetDateTime now) {
        if (status == PlanStatus.CANCELLED) {
            return false;
        }
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
        if ((this.patient == null || this.patient.dateOfBirth() == null) && patient != null) {
            this.patient = patient;
        }
        moveIfAllowed(hasOpenAppointment ? PlanStatus.SCHEDULED : PlanStatus.READY_TO_SCHEDULE, "authorized");
        this.updatedAt = now;
        return true;
    }

    /**
     * The payer ended an authorization (denied, expired or exhausted). It only matters when it is the plan's own
     * authorization or the plan has none yet: a denied re-authorization does not undo a still valid approval.
     */
    public boolean authorizationEnded(UUID endedAuthorizationId, PlanStatus outcome, OffsetDateTime now) {
        if (authorizationId != null && !authorizationId.equals(endedAuthorizationId)) {
            return false;
        }
        if (!moveIfAllowed(outcome, "ended")) {
            return false;
        }
        this.updatedAt = now;
        return true;
    }

    /** The referral was withdrawn: the plan is closed for good. Returns false when it already was. */
    public boolean cancel(OffsetDateTime cancelledAt, OffsetDateTime now) {
        if (!moveIfAllowed(PlanStatus.CANCELLED, "cancelled")) {
            return false;
        }
        this.cancelledAt = cancelledAt;
        this.updatedAt = now;
        return true;
    }

    /** An appointment was booked; only a plan with an approval in force gets here (the booking rules see to it). */
    public void booked(OffsetDateTime now) {
        status = status.moveTo(PlanStatus.SCHEDULED, RESOURCE, "scheduled");
        this.updatedAt = now;
    }

    /** The open appointment was cancelled, missed or completed: a scheduled patient needs a booking again. */
    public void appointmentClosed(OffsetDateTime now) {
        if (status == PlanStatus.SCHEDULED) {
            status = status.moveTo(PlanStatus.READY_TO_SCHEDULE, RESOURCE, "made ready to schedule");
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
        // Treatments come one after the other (one open appointment, 84 days apart): the second given is the second by date.
        this.treatmentsCompleted += 1;
        if (treatmentsCompleted == ResponseAfterTwoTreatments.TREATMENTS_BEFORE_JUDGING) {
            this.secondTreatmentDate = date;
        }
        refreshResponse();
        appointmentClosed(now);
    }

    /** Booking needs an approval in force: not awaiting one, denied, expired, exhausted or cancelled. */
    public boolean isBookable() {
        return authorizationId != null && PlanStatus.BOOKABLE.contains(status);
    }

    /** The first day the patient may be treated, or null when nothing can be booked under the plan as it stands. */
    public LocalDate nextEligibleDate(LocalDate today) {
        if (authorizationId == null || status == PlanStatus.CANCELLED) {
            return null;
        }
        return TreatmentCadence.nextEligibleDate(cadenceLastTreatmentDate(), validFrom, today);
    }

    /**
     * The treatment the 84 days run from: the patient's latest for this indication on any of their plans (with a patient
     * id), else this plan's own last treatment (plans from before patients had an id).
     */
    public LocalDate cadenceLastTreatmentDate() {
        return TreatmentCadence.latest(lastTreatmentDate, indicationLastTreatmentDate);
    }

    /** The baseline the referral reported, or null. */
    public Measurement baseline() {
        return baselineMeasure == null ? null : new Measurement(baselineMeasure, baselineValue);
    }

    /** The most recent outcome on the indication's primary measure, against the baseline; null before the first. */
    public PrimaryOutcome latestPrimaryOutcome() {
        if (latestPrimaryAssessedOn == null) {
            return null;
        }
        OutcomeMeasure primary = OutcomeMeasure.primaryFor(indication).orElse(null);
        if (primary == null) {
            return null;
        }
        return new PrimaryOutcome(latestPrimaryAssessedOn,
                ChangeFromBaseline.of(baseline(), new Measurement(primary, latestPrimaryValue)));
    }

    private void refreshResponse() {
        PrimaryOutcome latest = latestPrimaryOutcome();
        this.improvementAfterSecondTreatment = ResponseAfterTwoTreatments.improvement(treatmentsCompleted,
                secondTreatmentDate, latestPrimaryAssessedOn, latest == null ? null : latest.change().improvementPercent());
    }

    /** Events arrive late and in any order: a change the status flow does not allow (e.g. after cancellation) is ignored. */
    private boolean moveIfAllowed(PlanStatus next, String action) {
        if (!status.canBecome(next)) {
            return false;
        }
        status = status.moveTo(next, RESOURCE, action);
        return true;
    }

    public PlanStatus status() { return status; }
    public UUID referralId() { return referralId; }
    public PatientIdentity patient() { return patient; }
    public UUID patientId() { return patientId; }
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
    public int treatmentsCompleted() { return treatmentsCompleted; }
    public LocalDate secondTreatmentDate() { return secondTreatmentDate; }
    public BigDecimal improvementAfterSecondTreatment() { return improvementAfterSecondTreatment; }
    public OffsetDateTime createdAt() { return createdAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
