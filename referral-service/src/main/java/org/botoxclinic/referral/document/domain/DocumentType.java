package org.botoxclinic.referral.document.domain;

/** What a document attached to a referral is, as the uploader declares it (what payers ask for). */
public enum DocumentType {
    HEADACHE_DIARY,
    CLINIC_NOTE,
    MEDICATION_HISTORY,
    IMAGING,
    OTHER
}
