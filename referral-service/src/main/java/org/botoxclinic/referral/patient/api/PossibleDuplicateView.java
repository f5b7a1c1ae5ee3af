package org.botoxclinic.referral.patient.api;

import java.util.List;
import java.util.UUID;

import org.botoxclinic.referral.patient.domain.PossibleDuplicate;

/** Two live patients that may be one person, and why (SAME_MEMBER_ID, SAME_PHONE, SIMILAR_LAST_NAME, SIMILAR_FIRST_NAME). */
public record PossibleDuplicateView(UUID patientId, UUID otherPatientId, List<String> reasons) {

    static PossibleDuplicateView of(PossibleDuplicate pair) {
        return new PossibleDuplicateView(pair.patientId(), pair.otherPatientId(),
                pair.reasons().stream().map(Enum::name).toList());
    }
}
