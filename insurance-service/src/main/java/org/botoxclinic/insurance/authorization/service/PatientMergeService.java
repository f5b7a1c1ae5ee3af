package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.insurance.patient.service.PatientAliasService;
import org.botoxclinic.platform.time.Timestamps;
import org.jboss.logging.Logger;

/**
 * referral-service merged two patient records (PatientMerged): the merged id is filed under the surviving patient,
 * and every case of the merged patient, or of a referral the merge moved, follows the survivor.
 */
@ApplicationScoped
public class PatientMergeService {

    private static final Logger LOG = Logger.getLogger(PatientMergeService.class);

    private final PatientAliasService aliases;
    private final AuthorizationCaseRepository cases;
    private final CaseAudit audit;
    private final Clock clock;

    public PatientMergeService(PatientAliasService aliases, AuthorizationCaseRepository cases, CaseAudit audit,
                               Clock clock) {
        this.aliases = aliases;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs inside the inbox's transaction; a merge delivered twice changes nothing the second time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merge(UUID mergedPatientId, UUID survivingPatientId, List<UUID> movedReferrals, OffsetDateTime mergedAt) {
        OffsetDateTime now = Timestamps.now(clock);
        UUID survivor = aliases.merge(mergedPatientId, survivingPatientId, mergedAt == null ? now : mergedAt, now);
        int moved = 0;
        for (AuthorizationCase c : cases.ofMergedPatientLocked(mergedPatientId, movedReferrals)) {
            if (!survivor.equals(c.patientId())) {
                c.fileUnderPatient(survivor, now);
                audit.record("MERGE_PATIENT", c);
                moved++;
            }
        }
        LOG.infof("Patient %s merged into %s: %d authorization case(s) re-filed", mergedPatientId, survivor, moved);
    }
}
