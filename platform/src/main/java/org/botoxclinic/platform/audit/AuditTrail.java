package org.botoxclinic.platform.audit;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.time.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Records every read and write of a clinical resource: who (subject, groups, partner), the action, the resource
 * and its referral, and when. Written in the caller's transaction, so a change and its audit entry commit together.
 * A refused lookup is recorded in a transaction of its own ({@link #recordDenied}), since the caller's rolls back;
 * and reading the trail is itself recorded. Entries carry ids only, never patient data.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String LIST = "audit";
    /** The resource type of the trail itself, for the entries that record who read it. */
    public static final String TRAIL = "audit-trail";
    public static final String ALLOWED = "ALLOWED";
    public static final String DENIED = "DENIED";

    private final EntityManager em;
    private final Instance<Caller> caller;
    private final Clock clock;
    private final String service;

    public AuditTrail(EntityManager em, Instance<Caller> caller, Clock clock,
                      @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.caller = caller;
        this.clock = clock;
        this.service = service;
    }

    /**
     * The entries after a cursor, oldest first, optionally of one referral. The read itself is recorded (READ of the
     * audit trail, the referral filtered on as its referral) after the page is read, so it shows in later pages.
     */
    @Transactional
    public Page<AuditEntry> entries(UUID referralId, String cursor, int limit) {
        long afterId = cursor == null ? 0 : Cursor.decode(cursor, LIST, 1).number(0);
        List<?> rows = em.createNativeQuery("""
                        select id, at, actor, actor_groups, partner_id, action, resource_type, resource_id, referral_id,
                               outcome
                          from audit_entry
                         where (cast(?1 as uuid) is null or referral_id = cast(?1 as uuid)) and id > ?2
                         order by id limit ?3""")
                .setParameter(1, referralId == null ? null : referralId.toString())
                .setParameter(2, afterId)
                .setParameter(3, limit + 1)
                .getResultList();
        List<AuditEntry> entries = rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new AuditEntry(((Number) r[0]).longValue(), toTime(r[1]), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (UUID) r[8], (String) r[9]);
        }).toList();
        record("READ", TRAIL, referralId == null ? "all" : referralId, referralId);
        return Page.of(entries, limit, entry -> Cursor.of(LIST, entry.id()));
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
    }

    @Transactional
    public void record(String action, String resourceType, Object resourceId, UUID referralId) {
        insert(action, resourceType, resourceId, referralId, ALLOWED);
    }

    /**
     * A caller was refused the resource (another partner's referral, answered 404 like a missing one): recorded in a
     * transaction of its own, so that it stays when the caller's transaction rolls back with the refusal.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordDenied(String action, String resourceType, Object resourceId, UUID referralId) {
        insert(action, resourceType, resourceId, referralId, DENIED);
    }

    /** One of the resources a list discloses: its id and the referral it belongs to (null when none). */
    public record Disclosed(Object resourceId, UUID referralId) {
    }

    /**
     * The same action on many resources of one type, such as every item of a list page: one entry per resource, in
     * the order given, written by one statement in the caller's transaction. Nothing is written for an empty list.
     */
    @Transactional
    public void recordAll(String action, String resourceType, List<Disclosed> resources) {
        if (resources.isEmpty()) {
            return;
        }
        Actor who = actor();
        OffsetDateTime at = Timestamps.now(clock);
        String[] resourceIds = resources.stream().map(r -> String.valueOf(r.resourceId())).toArray(String[]::new);
        UUID[] referralIds = resources.stream().map(Disclosed::referralId).toArray(UUID[]::new);
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into audit_entry (at, actor, actor_groups, partner_id, action, resource_type, resource_id,
                                             referral_id, outcome)
                    select ?, ?, ?, ?, ?, ?, d.resource_id, d.referral_id, ?
                      from unnest(?::text[], ?::uuid[]) with ordinality as d (resource_id, referral_id, position)
                     order by d.position""")) {
                insert.setObject(1, at);
                insert.setString(2, who.name());
                insert.setString(3, who.groups());
                insert.setString(4, who.partnerId());
                insert.setString(5, action);
                insert.setString(6, resourceType);
                insert.setString(7, ALLOWED);
                insert.setArray(8, connection.createArrayOf("text", resourceIds));
                insert.setArray(9, connection.createArrayOf("uuid", referralIds));
                insert.executeUpdate();
            }
        });
    }

    private record Actor(String name, String groups, String partnerId) {
    }

    private Actor actor() {
        if (Arc.container().requestContext().isActive()) {
            Caller who = caller.get();
            return new Actor(who.subject() == null ? "anonymous" : who.subject(),
                    String.join(",", new TreeSet<>(who.groups())), who.partnerId().orElse(null));
        }
        // Consumers and scheduled jobs act on the service's own authority.
        return new Actor("system:" + service, "", null);
    }

    private void insert(String action, String resourceType, Object resourceId, UUID referralId, String outcome) {
        Actor who = actor();
        em.createNativeQuery("""
                        insert into audit_entry (at, actor, actor_groups, partner_id, action, resource_type, resource_id,
                                                 referral_id, outcome)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, Timestamps.now(clock))
                .setParameter(2, who.name())
                .setParameter(3, who.groups())
                .setParameter(4, who.partnerId())
                .setParameter(5, action)
                .setParameter(6, resourceType)
                .setParameter(7, String.valueOf(resourceId))
                .setParameter(8, referralId)
                .setParameter(9, outcome)
                .executeUpdate();
    }
}
