package org.botoxclinic.platform.deadletter;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.inbox.Parking;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's dead letters: the events its consumers parked, each once per event id, with what a replay needs.
 * The same event parked again (redelivered) brings back a payload the retention had erased.
 */
@ApplicationScoped
public class DeadLetters implements Parking {

    private static final String LIST = "dead-letters";
    private static final String COLUMNS = """
            id, event_id, topic, event_key, event_type, source, subject, event_time, payload, reason,
            first_attempt_at, last_attempt_at, attempts, replayed_at, payload_erased_at""";

    private final EntityManager em;
    private final String consumer;

    /** The consumer name is the inbox's: the service's application name. */
    public DeadLetters(EntityManager em, @ConfigProperty(name = "quarkus.application.name") String consumer) {
        this.em = em;
        this.consumer = consumer;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void park(ParkedEvent event) {
        em.createNativeQuery("""
                        insert into dead_letter (consumer, event_id, topic, record_partition, record_offset, event_key,
                                                 event_type, source, subject, event_time, payload, reason,
                                                 first_attempt_at, last_attempt_at, attempts)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
                        on conflict (consumer, event_id) do update
                           set topic = excluded.topic, record_partition = excluded.record_partition,
                               record_offset = excluded.record_offset, reason = excluded.reason,
                               last_attempt_at = excluded.last_attempt_at,
                               attempts = dead_letter.attempts + excluded.attempts, replayed_at = null,
                               payload = coalesce(dead_letter.payload, excluded.payload),
                               payload_erased_at = case when dead_letter.payload is null and excluded.payload is not null
                                                        then null else dead_letter.payload_erased_at end""")
                .setParameter(1, consumer)
                .setParameter(2, event.eventId())
                .setParameter(3, event.topic())
                .setParameter(4, event.partition())
                .setParameter(5, event.offset())
                .setParameter(6, event.key())
                .setParameter(7, event.type())
                .setParameter(8, event.source())
                .setParameter(9, event.subject())
                .setParameter(10, event.time())
                .setParameter(11, event.payload())
                .setParameter(12, event.reason())
                .setParameter(13, event.firstAttemptAt())
                .setParameter(14, event.lastAttemptAt())
                .setParameter(15, event.attempts())
                .executeUpdate();
    }

    /** Parked events after a cursor, oldest first: those not replayed yet, or (replayed = true) those replayed. */
    @Transactional
    public Page<DeadLetterView> page(boolean replayed, String cursor, int limit) {
        long afterId = cursor == null ? 0 : Cursor.decode(cursor, LIST, 1).number(0);
        List<?> rows = em.createNativeQuery("select " + COLUMNS + """
                         from dead_letter
                        where consumer = ?1 and (replayed_at is not null) = ?2 and id > ?3
                        order by id limit ?4""")
                .setParameter(1, consumer)
                .setParameter(2, replayed)
                .setParameter(3, afterId)
                .setParameter(4, limit + 1)
                .getResultList();
        List<DeadLetter> letters = rows.stream().map(row -> of((Object[]) row)).toList();
        return Page.of(letters, limit, letter -> Cursor.of(LIST, letter.id())).map(DeadLetter::view);
    }

    @Transactional
    Optional<DeadLetter> find(UUID eventId) {
        List<?> rows = em.createNativeQuery("select " + COLUMNS + " from dead_letter where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .getResultList();
        return rows.stream().findFirst().map(row -> of((Object[]) row));
    }

    /** The event's effect is in place (applied by the replay, or before it): it is no longer parked. */
    @Transactional(Transactional.TxType.MANDATORY)
    void replayed(UUID eventId, OffsetDateTime at) {
        em.createNativeQuery("""
                        update dead_letter set replayed_at = ?3, last_attempt_at = ?3, attempts = attempts + 1
                         where consumer = ?1 and event_id = ?2""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, at)
                .executeUpdate();
    }

    /** A replay failed again: the event stays parked with the new reason. */
    @Transactional(Transactional.TxType.MANDATORY)
    void failedAgain(UUID eventId, String reason, OffsetDateTime at) {
        em.createNativeQuery("""
                        update dead_letter set reason = ?3, last_attempt_at = ?4, attempts = attempts + 1
                         where consumer = ?1 and event_id = ?2""")
                .setParameter(1, consumer)
                .setParameter(2, eventId)
                .setParameter(3, reason)
                .setParameter(4, at)
                .executeUpdate();
    }

    /** Events parked and not replayed. */
    @Transactional
    public long parkedCount() {
        return ((Number) em.createNativeQuery("select count(*) from dead_letter where consumer = ?1 and replayed_at is null")
                .setParameter(1, consumer)
                .getSingleResult()).longValue();
    }

    private static DeadLetter of(Object[] r) {
        return new DeadLetter(((Number) r[0]).longValue(), (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], time(r[7]), (String) r[8], (String) r[9], time(r[10]), time(r[11]),
                ((Number) r[12]).intValue(), time(r[13]), time(r[14]));
    }

    private static OffsetDateTime time(Object value) {
        if (value == null || value instanceof OffsetDateTime) {
            return (OffsetDateTime) value;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }
}
