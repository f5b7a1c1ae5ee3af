package org.botoxclinic.insurance.authorization.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.platform.inbox.IncomingPayload;

/** This service's reading of PatientMerged: which patient id ceased to exist, and which one it became. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientMergedMessage(UUID patientId, UUID mergedPatientId, List<UUID> referralIds, OffsetDateTime mergedAt)
        implements IncomingPayload {

    /** Both patients, and two different ones. */
    @Override
    public boolean isComplete() {
        return patientId != null && mergedPatientId != null && !patientId.equals(mergedPatientId)
                && (referralIds == null || referralIds.stream().allMatch(Objects::nonNull));
    }

    List<UUID> movedReferrals() {
        return referralIds == null ? List.of() : referralIds;
    }
}
