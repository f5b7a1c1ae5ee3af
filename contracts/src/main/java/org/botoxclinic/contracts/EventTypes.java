package org.botoxclinic.contracts;

/**
 * The event catalogue in code: every {@code ce_type} the services publish, one JSON Schema each under
 * {@code contracts/schemas}. Producers name their events with these constants and consumers route on them, so
 * a type is never spelled twice.
 */
public final class EventTypes {

    // referral-events, published by referral-service
    public static final String REFERRAL_ACCEPTED = "ReferralAccepted";
    public static final String REFERRAL_DECLINED = "ReferralDeclined";
    public static final String REFERRAL_CANCELLED = "ReferralCancelled";
    public static final String DOCUMENT_ATTACHED = "DocumentAttached";
    /** Keyed by the surviving patient's id, not a referral's. */
    public static final String PATIENT_MERGED = "PatientMerged";

    // authorization-events, published by insurance-service
    public static final String AUTHORIZATION_SUBMITTED = "AuthorizationSubmitted";
    public static final String AUTHORIZATION_APPROVED = "AuthorizationApproved";
    public static final String AUTHORIZATION_DENIED = "AuthorizationDenied";
    public static final String AUTHORIZATION_EXPIRED = "AuthorizationExpired";
    public static final String AUTHORIZATION_EXHAUSTED = "AuthorizationExhausted";
    public static final String REAUTHORIZATION_REQUIRED = "ReauthorizationRequired";

    // scheduling-events, published by scheduling-service
    public static final String APPOINTMENT_SCHEDULED = "AppointmentScheduled";
    public static final String APPOINTMENT_RESCHEDULED = "AppointmentRescheduled";
    public static final String APPOINTMENT_CANCELLED = "AppointmentCancelled";
    public static final String APPOINTMENT_NO_SHOW = "AppointmentNoShow";
    public static final String TREATMENT_COMPLETED = "TreatmentCompleted";
    public static final String OUTCOME_RECORDED = "OutcomeRecorded";

    private EventTypes() {
    }
}
