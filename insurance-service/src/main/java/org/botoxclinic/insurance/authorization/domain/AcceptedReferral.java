package org.botoxclinic.insurance.authorization.domain;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.botoxclinic.platform.domain.PatientIdentity;
import org.botoxclinic.platform.domain.Coverage;

/** What insurance-service takes from an accepted referral to open a case; the clinical details prove checklist items. */
public record AcceptedReferral(UUID referralId, String indication, List<String> diagnosisCodes, PatientIdentity patient,
                               Coverage coverage, Map<String, Object> clinicalDetails) {
}
