package org.botoxclinic.referral.webhook.repository;

import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.botoxclinic.referral.webhook.domain.PartnerWebhook;

/** Partners' webhook registrations, one per partner, keyed by the partner's id. */
@ApplicationScoped
public class PartnerWebhookRepository implements PanacheRepositoryBase<PartnerWebhook, String> {

    public PartnerWebhook lockedById(String partnerId) {
        return findById(partnerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Registrations whose secret is still stored in plain text (from before secrets were sealed), locked. */
    public List<PartnerWebhook> withPlainTextSecret(int batch) {
        return find("plainTextSecret is not null").withLock(LockModeType.PESSIMISTIC_WRITE).page(0, batch).list();
    }

    /** Registrations with a secret sealed under a key other than the current one, locked. */
    public List<PartnerWebhook> sealedUnderAnotherKey(String currentKeyId, int batch) {
        return find("secretKeyId <> ?1 or previousSecretKeyId <> ?1", currentKeyId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).page(0, batch).list();
    }
}
