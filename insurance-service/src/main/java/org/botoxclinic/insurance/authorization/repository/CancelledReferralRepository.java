package org.botoxclinic.insurance.authorization.repository;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.insurance.authorization.domain.CancelledReferral;

/**
 * The referrals known to be cancelled, and the per-referral turn that opening and cancelling take, so that an
 * acceptance and a cancellation of one referral handled at the same moment (a replay beside the live consumer)
 * never both pass.
 */
@ApplicationScoped
public class CancelledReferralRepository implements PanacheRepositoryBase<CancelledReferral, UUID> {

    /** Namespace of this service's per-referral advisory locks (the first of pg_advisory_xact_lock's two keys). */
    private static final int REFERRAL_TURN = 9_003;

    /** Remembers the referral as cancelled; a second cancellation of it changes nothing. */
    public void remember(UUID referralId, OffsetDateTime now) {
        getEntityManager().createNativeQuery("""
                        insert into cancelled_referral (referral_id, recorded_at) values (?1, ?2)
                        on conflict (referral_id) do nothing""")
                .setParameter(1, referralId)
                .setParameter(2, now)
                .executeUpdate();
    }

    public boolean isCancelled(UUID referralId) {
        return count("referralId", referralId) > 0;
    }

    /**
     * Waits for the referral's turn and keeps it until the transaction ends: whoever comes second sees what the first
     * committed. Taken before anything of the referral is read.
     */
    public void takeTurn(UUID referralId) {
        getEntityManager().createNativeQuery("select count(*) from pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, REFERRAL_TURN)
                .setParameter(2, referralId.toString())
                .getSingleResult();
    }
}
