package org.botoxclinic.platform.audit;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's audit trail, for administrators: every read and write of its clinical resources, the lookups it
 * refused (outcome DENIED), and every read of the trail itself.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
public class AuditResource {

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @Operation(summary = "Audit entries, oldest first",
            description = "Filter by referral. A page: {items, next}; pass next as cursor for the following page. "
                    + "Each entry's outcome is ALLOWED or DENIED (a lookup refused, e.g. another partner's referral). "
                    + "This read is itself recorded (READ of the audit-trail).")
    public Page<AuditEntry> list(@QueryParam("referralId") UUID referralId,
                                 @QueryParam("cursor") String cursor,
                                 @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return audit.entries(referralId, cursor, limit);
    }
}
