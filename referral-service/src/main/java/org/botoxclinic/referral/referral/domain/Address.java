package org.botoxclinic.referral.referral.domain;

/** A patient's postal address (US). */
public record Address(String line1, String line2, String city, String state, String postalCode) {
}
