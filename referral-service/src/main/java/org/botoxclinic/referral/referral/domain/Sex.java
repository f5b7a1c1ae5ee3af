package org.botoxclinic.referral.referral.domain;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** FHIR administrative gender, written in lower case on the wire as FHIR does. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    @JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return code();
    }
}
