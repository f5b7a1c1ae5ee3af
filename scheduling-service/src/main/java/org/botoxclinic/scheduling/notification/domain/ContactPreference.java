package org.botoxclinic.scheduling.notification.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * How a patient may be reached: the phone and e-mail the latest accepted referral gave, the channel the patient
 * prefers (none chosen: e-mail when there is an address, else SMS), and whether they opted out of messages. Keyed by
 * the patient id, or by the referral id for a plan without one.
 */
@Entity
@Table(name = "contact_preference")
public class ContactPreference {

    @Id
    @Column(name = "contact_key")
    private UUID contactKey;
    private String phone;
    private String email;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "opted_out")
    private boolean optedOut;
    @Column(name = "opted_out_at")
    private OffsetDateTime optedOutAt;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    protected ContactPreference() {
    }

    public static ContactPreference of(UUID contactKey, OffsetDateTime now) {
        ContactPreference p = new ContactPreference();
        p.contactKey = contactKey;
        p.updatedAt = now;
        return p;
    }

    /** The details a referral gave; a detail it leaves out keeps the one known. */
    public void contactDetails(String phone, String email, OffsetDateTime now) {
        if (phone != null && !phone.isBlank()) {
            this.phone = phone.trim();
        }
        if (email != null && !email.isBlank()) {
            this.email = email.trim();
        }
        this.updatedAt = now;
    }

    /** The patient's choice, as staff record it. Opting out is dated; opting in again clears the date. */
    public void choose(Channel channel, boolean optedOut, String by, OffsetDateTime now) {
        this.channel = channel;
        if (optedOut && !this.optedOut) {
            this.optedOutAt = now;
        } else if (!optedOut) {
            this.optedOutAt = null;
        }
        this.optedOut = optedOut;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** A merged patient's choices join the survivor's: an opt-out of either stands, missing details are taken over. */
    public void absorb(ContactPreference merged, OffsetDateTime now) {
        if (phone == null) {
            phone = merged.phone;
        }
        if (email == null) {
            email = merged.email;
        }
        updatedAt = now;
        if (channel == null) {
            channel = merged.channel;
        }
        if (merged.optedOut && !optedOut) {
            optedOut = true;
            optedOutAt = merged.optedOutAt;
        }
    }

    /** Where a message goes now: the preferred channel, else the other one that has an address. */
    public Recipient recipient() {
        if (optedOut) {
            return Recipient.unreachable(Notification.OPTED_OUT);
        }
        Channel preferred = channel != null ? channel : email != null ? Channel.EMAIL : Channel.SMS;
        Channel other = preferred == Channel.EMAIL ? Channel.SMS : Channel.EMAIL;
        for (Channel c : new Channel[] {preferred, other}) {
            String address = c == Channel.EMAIL ? email : phone;
            if (address != null) {
                return new Recipient(c, address, null);
            }
        }
        return Recipient.unreachable(Notification.NO_CONTACT_DETAILS);
    }

    public UUID contactKey() { return contactKey; }
    public String phone() { return phone; }
    public String email() { return email; }
    public Channel channel() { return channel; }
    public boolean optedOut() { return optedOut; }
    public OffsetDateTime optedOutAt() { return optedOutAt; }
    public OffsetDateTime updatedAt() { return updatedAt; }
}
