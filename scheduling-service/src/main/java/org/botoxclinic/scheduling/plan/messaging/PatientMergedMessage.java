package org.botoxclinic.scheduling.plan.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.platform.inbox.IncomingPayload;

/**
 * This service's reading of PatientMerged (keyed by the surviving patient id, not a referral): the survivor, the id
 * that ceased to exist, and the referrals moved to the survivor.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientMergedMessage(UUID patientId, UUID mergedPatientId, List<UUID> referralIds, OffsetDateTime mergedAt)
        implements IncomingPayload {

    @Override
    public boolean isComplete() {
        return patientId != null && mergedPatientId != null;
    }
}
