package org.botoxclinic.scheduling.waitlist.domain;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A waiting patient ahead in the queue whom a rule kept from the offer: which entry, and the rule that excluded it. */
@Embeddable
public class SkippedPatient {

    @Column(name = "entry_id")
    private UUID entryId;
    @Column(name = "referral_id")
    private UUID referralId;
    private String rule;
    private String detail;

    protected SkippedPatient() {
    }

    public SkippedPatient(UUID entryId, UUID referralId, Exclusion exclusion) {
        this.entryId = entryId;
        this.referralId = referralId;
        this.rule = exclusion.rule();
        this.detail = exclusion.detail();
    }

    public UUID entryId() { return entryId; }
    public UUID referralId() { return referralId; }
    public String rule() { return rule; }
    public String detail() { return detail; }
}
