package org.botoxclinic.platform.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.botoxclinic.platform.transaction.AfterCommit;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.platform.events.EventJson;
import org.botoxclinic.platform.time.Timestamps;

/**
 * Writes an event in the caller's transaction, beside the domain change that raised it, so that both are
 * committed or neither is. Publishing is the relay's job, nudged as soon as the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final EventJson json;
    private final OutboxConfig config;
    private final OutboxRelay relay;
    private final TransactionSynchronizationRegistry transactions;

    public Outbox(EntityManager em, EventJson json, OutboxConfig config, OutboxRelay relay,
                  TransactionSynchronizationRegistry transactions) {
        this.em = em;
        this.json = json;
        this.config = config;
        this.relay = relay;
        this.transactions = transactions;
    }

    /** Appends the event to this service's topic, keyed by its key (the referral's id, for most events). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void append(DomainEvent event) {
        String key = event.key().toString();
        em.createNativeQuery("""
                        insert into outbox_event (event_id, topic, event_key, event_type, source, subject, occurred_at, payload)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, cast(?8 as jsonb))
                        """)
                .setParameter(1, UUID.randomUUID())
                .setParameter(2, config.topic())
                .setParameter(3, key)
                .setParameter(4, event.type())
                .setParameter(5, config.source())
                .setParameter(6, key)
                .setParameter(7, Timestamps.utc(event.occurredAt()))
                .setParameter(8, json.write(event))
                .executeUpdate();
        // One nudge per transaction, however many events it appends.
        AfterCommit.once(transactions, Outbox.class, relay::nudge);
    }
}
