package org.botoxclinic.scheduling.waitlist.domain;

/** Why a waiting patient was not offered a date: the rule's stable code and a sentence for staff (never patient data). */
public record Exclusion(String rule, String detail) {
}
