package org.botoxclinic.platform.audit;

import java.time.Clock;
import java.util.TreeSet;
import java.util.UUID;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.security.Caller;
import org.botoxclinic.platform.time.Timestamps;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records every read and write of a clinical resource: who (subject, groups, partner), the action, the resource
 * and its referral, and when. Written in the caller's transaction, so a change and its audit entry commit together.
 */
@ApplicationScoped
public class AuditTrail {

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

    @Transactional
    public void record(String action, String resourceType, Object resourceId, UUID referralId) {
        String actor;
        String groups;
        String partnerId = null;
        if (Arc.container().requestContext().isActive()) {
            Caller who = caller.get();
            actor = who.subject() == null ? "anonymous" : who.subject();
            groups = String.join(",", new TreeSet<>(who.groups()));
            partnerId = who.partnerId().orElse(null);
        } else {
            // Consumers and scheduled jobs act on the service's own authority.
            actor = "system:" + service;
            groups = "";
        }
        em.createNativeQuery("""
                        insert into audit_entry (at, actor, actor_groups, partner_id, action, resource_type, resource_id, referral_id)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, Timestamps.now(clock))
                .setParameter(2, actor)
                .setParameter(3, groups)
                .setParameter(4, partnerId)
                .setParameter(5, action)
                .setParameter(6, resourceType)
                .setParameter(7, String.valueOf(resourceId))
                .setParameter(8, referralId)
                .executeUpdate();
    }
}
