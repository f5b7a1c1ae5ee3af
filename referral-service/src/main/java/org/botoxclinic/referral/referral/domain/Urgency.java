package org.botoxclinic.referral.referral.domain;

/** How soon the referring PCP wants the patient seen (FHIR ServiceRequest.priority, reduced to two). */
public enum Urgency {
    ROUTINE, URGENT
}
