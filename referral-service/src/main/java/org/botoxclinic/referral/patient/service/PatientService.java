package org.botoxclinic.referral.patient.service;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.referral.patient.domain.Patient;
import org.botoxclinic.referral.patient.domain.PatientKeys;
import org.botoxclinic.referral.patient.domain.PatientRecord;
import org.botoxclinic.referral.patient.domain.PossibleDuplicate;
import org.botoxclinic.referral.patient.events.PatientMerged;
import org.botoxclinic.referral.patient.repository.PatientRepository;
import org.jboss.logging.Logger;

/** Patient identity: who a referral's patient is, the possible duplicates staff review, and merging two into one. */
@ApplicationScoped
public class PatientService {

    private static final Logger LOG = Logger.getLogger(PatientService.class);
    private static final String RESOURCE = "patient";

    private final PatientRepository patients;
    private final Outbox outbox;
    private final AuditTrail audit;
    private final Event<PatientsMerged> merges;
    private final Clock clock;

    public PatientService(PatientRepository patients, Outbox outbox, AuditTrail audit, Event<PatientsMerged> merges,
                          Clock clock) {
        this.patients = patients;
        this.outbox = outbox;
        this.audit = audit;
        this.merges = merges;
        this.clock = clock;
    }

    /** The patient of a referral being received: found by the deterministic rules or created, in the intake's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID identify(PatientKeys keys) {
        return patients.identify(keys, Timestamps.now(clock));
    }

    /** A patient with their referrals; a merged id answers the survivor, saying so. Recorded as a read. */
    @Transactional
    public PatientRecord read(UUID id) {
        PatientRecord record = recordOf(id);
        UUID live = record.patient().id();
        audit.record("READ", RESOURCE, live, null);
        audit.recordAll("READ", RESOURCE, record.referrals().stream()
                .map(r -> new AuditTrail.Disclosed(live, r.id())).toList());
        return record;
    }

    /** One page of possible duplicates after the cursor (null for the first); each patient listed is recorded. */
    @Transactional
    public Page<PossibleDuplicate> possibleDuplicates(String cursor, int limit) {
        Cursor after = cursor == null ? null : Cursor.decode(cursor, PatientRepository.DUPLICATES, 3);
        Page<PossibleDuplicate> page = Page.of(patients.possibleDuplicates(after, limit + 1), limit,
                PatientRepository::duplicatesCursor);
        List<AuditTrail.Disclosed> listed = new ArrayList<>();
        for (PossibleDuplicate pair : page.items()) {
            listed.add(new AuditTrail.Disclosed(pair.patientId(), null));
            listed.add(new AuditTrail.Disclosed(pair.otherPatientId(), null));
        }
        audit.recordAll("LIST", RESOURCE, listed);
        return page;
    }

    /**
     * Merges {@code mergedId} into {@code survivorId}: the merged patient's referrals move to the survivor, the merged
     * patient points at it for good, the merge is recorded (on the patient and on each referral moved) and
     * PatientMerged is published, all in one transaction. 404 for an unknown id; 409 for a merge into itself, of an
     * already merged patient, or into a merged one (a cycle when it was merged into the other).
     */
    @Transactional
    public PatientRecord merge(UUID survivorId, UUID mergedId) {
        List<Patient> locked = patients.lockBoth(survivorId, mergedId);
        Patient survivor = locked.stream().filter(p -> p.id().equals(survivorId)).findFirst()
                .orElseThrow(() -> new NotFoundException(RESOURCE, survivorId));
        Patient merged = locked.stream().filter(p -> p.id().equals(mergedId)).findFirst()
                .orElseThrow(() -> new NotFoundException(RESOURCE, mergedId));
        OffsetDateTime now = Timestamps.now(clock);
        survivor.absorb(merged, now);
        patients.flush();
        List<UUID> moved = patients.moveReferrals(mergedId, survivorId);
        outbox.append(new PatientMerged(survivorId, mergedId, moved, now));
        audit.record("MERGE", RESOURCE, survivorId, null);
        audit.recordAll("MERGE", RESOURCE, moved.stream().map(r -> new AuditTrail.Disclosed(survivorId, r)).toList());
        merges.fire(new PatientsMerged(survivorId, mergedId, moved));
        LOG.infof("Merged %s into %s (%d referrals moved)", mergedId, survivorId, moved.size());
        return recordOf(survivorId);
    }

    private PatientRecord recordOf(UUID id) {
        Patient asked = patients.findByIdOptional(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
        Patient live = asked.isMerged()
                ? patients.findByIdOptional(asked.mergedInto()).orElseThrow(() -> new NotFoundException(RESOURCE, id))
                : asked;
        return new PatientRecord(live, asked.isMerged() ? id : null, patients.demographicsOf(live.id()).orElse(null),
                patients.referralsOf(live.id()), patients.mergedInto(live.id()));
    }
}
