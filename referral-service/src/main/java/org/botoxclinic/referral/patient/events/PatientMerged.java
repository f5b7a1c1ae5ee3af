package org.botoxclinic.referral.patient.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;

/**
 * Published when staff merge a patient into another: the merged patient id ceases to exist and its referrals are
 * the survivor's from now on. Ids only. Keyed by the surviving patient, not by a referral.
 */
public record PatientMerged(UUID patientId, UUID mergedPatientId, List<UUID> referralIds, OffsetDateTime mergedAt)
        implements DomainEvent {

    public static final String TYPE = EventTypes.PATIENT_MERGED;

    public PatientMerged {
        referralIds = List.copyOf(referralIds);
    }

    @Override
    public String type() {
        return TYPE;
    }

    /** Not about one referral (it lists the ones moved); never part of the payload. */
    @Override
    public UUID referralId() {
        return null;
    }

    @Override
    public UUID key() {
        return patientId;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return mergedAt;
    }
}
