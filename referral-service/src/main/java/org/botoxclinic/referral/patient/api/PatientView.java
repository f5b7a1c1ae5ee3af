package org.botoxclinic.referral.patient.api;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.referral.patient.domain.Demographics;
import org.botoxclinic.referral.patient.domain.PatientRecord;
import org.botoxclinic.referral.patient.domain.PatientReferral;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A patient as the API returns it: the live patient's id (the survivor when the id asked for was merged, then named in
 * {@code resolvedFrom}), who they are as their latest referral says, all their referrals and the ids merged into them.
 */
public record PatientView(UUID id,
                          @Schema(description = "The id asked for when it was merged into this patient; null otherwise")
                          UUID resolvedFrom,
                          Demographics demographics,
                          List<Referral> referrals,
                          List<UUID> mergedPatientIds,
                          OffsetDateTime createdAt) {

    public record Referral(UUID id, String status, String indication, OffsetDateTime createdAt) {

        static Referral of(PatientReferral r) {
            return new Referral(r.id(), r.status(), r.indication(), r.createdAt());
        }
    }

    static PatientView of(PatientRecord record) {
        return new PatientView(record.patient().id(), record.resolvedFrom(), record.demographics(),
                record.referrals().stream().map(Referral::of).toList(), record.mergedPatientIds(),
                record.patient().createdAt());
    }
}
