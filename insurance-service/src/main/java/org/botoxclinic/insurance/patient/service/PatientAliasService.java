package org.botoxclinic.insurance.patient.service;

import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.patient.repository.PatientAliasRepository;
import org.botoxclinic.platform.domain.RuleRefusedException;

/**
 * Which patient an incoming patient id means now: referral-service merges duplicate patients, and an event published
 * before a merge may arrive after it (on another partition). Every id is resolved through the aliases before it is
 * stored; a merge files the merged id under the surviving one (chains resolve to their end).
 */
@ApplicationScoped
public class PatientAliasService {

    /** Longer chains than this mean the aliases loop, which a merge refuses to create. */
    private static final int MAX_CHAIN = 64;

    private final PatientAliasRepository aliases;

    public PatientAliasService(PatientAliasRepository aliases) {
        this.aliases = aliases;
    }

    /**
     * The surviving patient for an incoming id (the id itself when it was never merged), with the turns of the id and
     * of the survivor held until the transaction ends, so that a merge committing meanwhile is seen. Null stays null.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID resolveForKeying(UUID patientId) {
        if (patientId == null) {
            return null;
        }
        aliases.takeTurn(patientId);
        UUID resolved = resolve(patientId);
        while (true) {
            aliases.takeTurn(resolved);
            UUID again = resolve(patientId);
            if (again.equals(resolved)) {
                return resolved;
            }
            resolved = again;
        }
    }

    /**
     * Files {@code merged} under the patient {@code survivor} is now (a survivor merged away meanwhile resolves further).
     *
     * @return the surviving patient id the merged one now resolves to
     * @throws RuleRefusedException when the merge would make a patient an alias of itself
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID merge(UUID merged, UUID survivor, OffsetDateTime mergedAt, OffsetDateTime now) {
        UUID first = merged.compareTo(survivor) < 0 ? merged : survivor;
        aliases.takeTurn(first);
        aliases.takeTurn(first == merged ? survivor : merged);
        UUID end = resolveForKeying(survivor);
        if (end.equals(merged)) {
            throw new RuleRefusedException("PATIENT_MERGE_LOOP", "patient " + merged + " cannot be merged into "
                    + survivor + ", which was merged into it", Map.of("patientId", survivor,
                    "mergedPatientId", merged));
        }
        aliases.remember(merged, end, mergedAt, now);
        return end;
    }

    private UUID resolve(UUID patientId) {
        UUID current = patientId;
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < MAX_CHAIN; i++) {
            Optional<UUID> next = aliases.survivorOf(current);
            if (next.isEmpty() || !seen.add(current)) {
                return current;
            }
            current = next.get();
        }
        return current;
    }
}
