package org.botoxclinic.referral.patient.domain;

/**
 * Why two live patients with the same birth date may be one person although no deterministic rule matched them.
 * The thresholds are {@link #MAX_NAME_DISTANCE} edits.
 */
public enum DuplicateReason {
    /** The same member id (folded), under names that differ. */
    SAME_MEMBER_ID,
    /** The same phone (digits). */
    SAME_PHONE,
    /** The same first name and a surname at most two edits away (a misspelling). */
    SIMILAR_LAST_NAME,
    /** The same surname and a first name at most two edits away. */
    SIMILAR_FIRST_NAME;

    /** Levenshtein distance up to which two folded names count as a likely misspelling of each other. */
    public static final int MAX_NAME_DISTANCE = 2;
}
