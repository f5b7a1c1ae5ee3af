package org.botoxclinic.scheduling.notification.repository;

import java.util.Optional;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.scheduling.notification.domain.ContactPreference;

/** Patients' contact details and choices, by patient id (or referral id for a plan without one). */
@ApplicationScoped
public class ContactPreferenceRepository implements PanacheRepositoryBase<ContactPreference, UUID> {

    /**
     * The row for the key, locked for the rest of the transaction; created first when there is none. Two transactions
     * creating the same key at once both end up with the one row ({@code on conflict do nothing}, then the lock).
     */
    public ContactPreference lockedOrCreated(UUID contactKey, java.time.OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                        insert into contact_preference (contact_key, opted_out, updated_at) values (?1, false, ?2)
                        on conflict (contact_key) do nothing""")
                .setParameter(1, contactKey)
                .setParameter(2, now)
                .executeUpdate();
        ContactPreference found = findById(contactKey, LockModeType.PESSIMISTIC_WRITE);
        getEntityManager().refresh(found);
        return found;
    }

    /** The contact of a plan: its patient's, else (plans from before patient ids) its referral's. */
    public Optional<ContactPreference> forPlan(UUID patientId, UUID referralId) {
        Optional<ContactPreference> byPatient = patientId == null ? Optional.empty() : findByIdOptional(patientId);
        return byPatient.isPresent() ? byPatient : findByIdOptional(referralId);
    }
}
