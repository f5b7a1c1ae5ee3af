package org.botoxclinic.scheduling.plan.messaging;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.inbox.IncomingPayload;
import org.botoxclinic.scheduling.plan.domain.Measurement;
import org.botoxclinic.scheduling.plan.domain.OutcomeMeasure;

/**
 * This service's reading of ReferralAccepted: the patient, their id and the indication, and the baseline (the id and
 * the baseline are absent from records published before the referral carried them).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReferralAcceptedMessage(UUID referralId, UUID patientId, OffsetDateTime acceptedAt, String indication,
                                      Patient patient, Baseline baseline) implements IncomingPayload {

    /** The referral's figure on the indication's primary measure before treatment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Baseline(String measure, BigDecimal value) {

        /** The baseline on a scale this service knows, or null (an unknown scale or no value is no baseline). */
        Measurement measurement() {
            if (value == null || Arrays.stream(OutcomeMeasure.values()).noneMatch(m -> m.name().equals(measure))) {
                return null;
            }
            return new Measurement(OutcomeMeasure.valueOf(measure), value);
        }
    }

    Measurement baselineMeasurement() {
        return baseline == null ? null : baseline.measurement();
    }

    /** The patient as the referral and authorization events describe them; phone and email only on ReferralAccepted. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex, String phone, String email) {

        PatientIdentity identity() {
            return new PatientIdentity(firstName, lastName, dateOfBirth, sex);
        }
    }

    @Override
    public boolean isComplete() {
        return referralId != null && indication != null && patient != null;
    }
}
