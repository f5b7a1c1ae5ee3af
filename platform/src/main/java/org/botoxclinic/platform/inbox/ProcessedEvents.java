package org.botoxclinic.platform.inbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.events.IncomingEvent;
import org.botoxclinic.platform.time.Timestamps;

/**
 * One attempt at one event, in its own transaction: claim the event id in the processed-events log, then
 * apply the effect. A duplicate finds its id already claimed and does nothing; a failure rolls both back.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager em;
    private final Clock clock;

    public ProcessedEvents(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** @return false when the event had been processed before and was skipped */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean processOnce(String consumer, IncomingEvent event, EventHandler handler) {
        int claimed = em.createNativeQuery("""
                        insert into processed_event (consumer, event_id, event_type, topic, processed_at)
                        values (?1, ?2, ?3, ?4, ?5) on conflict do nothing""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, event.topic())
                // On the injected clock, like the retention that deletes it later.
                .setParameter(5, Timestamps.now(clock))
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        handler.apply(event);
        return true;
    }

    public boolean isProcessed(String consumer, java.util.UUID eventId) {
        return ((Number) em.createNativeQuery(
                        "select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getSingleResult()).longValue() > 0;
    }
}
