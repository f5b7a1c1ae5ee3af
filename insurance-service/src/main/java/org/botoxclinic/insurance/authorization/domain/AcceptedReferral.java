package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What insurance-service takes from an accepted referral to open a case; the clinical details prove checklist items. */
public record AcceptedReferral(UUID referralId, String indication, List<String> diagnosisCodes,
                               String payerId, String payerName, String memberId, String groupNumber, String planType,
                               String patientFirstName, String patientLastName, LocalDate patientDateOfBirth,
                               String patientSex, Map<String, Object> clinicalDetails) {
}
