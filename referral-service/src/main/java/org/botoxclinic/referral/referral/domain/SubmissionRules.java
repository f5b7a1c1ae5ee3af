package org.botoxclinic.referral.referral.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intake rules that need more than one field's shape: the NPI's check digit, diagnosis codes that fit the
 * indication, a birth date that is past and plausible, and who must name their own referral id.
 */
public final class SubmissionRules {

    /** Nobody referred is older than this; an older birth date is a typing error. */
    public static final int MAX_AGE_YEARS = 120;

    private SubmissionRules() {
    }

    /**
     * @param codesByIndication ICD-10-CM code prefixes that fit each indication
     * @return field to message, empty when the submission passes
     */
    public static Map<String, String> violations(ReferralSource source, String externalReferralId, String npi,
                                                 Indication indication, List<String> diagnosisCodes,
                                                 LocalDate dateOfBirth, LocalDate today,
                                                 Map<Indication, List<String>> codesByIndication) {
        Map<String, String> violations = new LinkedHashMap<>();
        if (source == ReferralSource.PARTNER && (externalReferralId == null || externalReferralId.isBlank())) {
            violations.put("externalReferralId", "is required: the partner's own id for this referral");
        }
        if (npi != null && npi.matches("[0-9]{10}") && !Npi.isValid(npi)) {
            violations.put("referringProvider.npi", "is not a valid NPI (check digit does not match)");
        }
        if (dateOfBirth != null) {
            if (!dateOfBirth.isBefore(today)) {
                violations.put("patient.dateOfBirth", "must be in the past");
            } else if (dateOfBirth.isBefore(today.minusYears(MAX_AGE_YEARS))) {
                violations.put("patient.dateOfBirth", "is not plausible (more than " + MAX_AGE_YEARS + " years ago)");
            }
        }
        if (indication != null && diagnosisCodes != null && !diagnosisCodes.isEmpty()
                && diagnosisCodes.stream().allMatch(code -> code != null && code.matches("[A-TV-Z][0-9][0-9AB](\\.[0-9A-Z]{1,4})?"))) {
            List<String> fitting = codesByIndication.getOrDefault(indication, List.of());
            boolean fits = diagnosisCodes.stream().anyMatch(code -> fitting.stream().anyMatch(code::startsWith));
            if (!fits) {
                violations.put("diagnosisCodes", "none of the codes fits " + indication + " (expected one starting with "
                        + String.join(", ", fitting) + ")");
            }
        }
        return violations;
    }
}
