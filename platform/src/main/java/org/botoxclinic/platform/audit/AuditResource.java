package org.botoxclinic.platform.audit;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The service's audit trail, for administrators: every read and write of its clinical resources. */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
public class AuditResource {

    private final EntityManager em;

    public AuditResource(EntityManager em) {
        this.em = em;
    }

    @GET
    @Operation(summary = "Audit entries, oldest first", description = "Filter by referral; page with afterId.")
    public List<AuditEntryView> list(@QueryParam("referralId") UUID referralId,
                                     @QueryParam("afterId") @DefaultValue("0") @Min(0) long afterId,
                                     @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        List<?> rows = em.createNativeQuery("""
                        select id, at, actor, actor_groups, partner_id, action, resource_type, resource_id, referral_id
                          from audit_entry
                         where (cast(?1 as uuid) is null or referral_id = cast(?1 as uuid)) and id > ?2
                         order by id limit ?3""")
                .setParameter(1, referralId == null ? null : referralId.toString())
                .setParameter(2, afterId)
                .setParameter(3, limit)
                .getResultList();
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new AuditEntryView(((Number) r[0]).longValue(), toTime(r[1]), (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (UUID) r[8]);
        }).toList();
    }

    private static OffsetDateTime toTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }
}
