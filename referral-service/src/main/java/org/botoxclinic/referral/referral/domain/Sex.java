package org.botoxclinic.referral.referral.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** FHIR administrative gender, written in lower case on the wire as FHIR does. */
public enum Sex {
    FEMALE, MALE, OTHER, UNKNOWN;

    @JsonValue
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static Sex fromCode(String code) {
        for (Sex sex : values()) {
            if (sex.code().equals(code)) {
                return sex;
            }
        }
        throw new IllegalArgumentException("sex must be one of female, male, other, unknown");
    }
}
