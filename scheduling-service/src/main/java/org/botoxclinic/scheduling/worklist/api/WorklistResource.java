package org.botoxclinic.scheduling.worklist.api;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.scheduling.worklist.service.Worklists;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scheduler's queues: who to book, who is due, who missed, whose authorization is running out. */
@Path("/api/worklist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Worklist")
public class WorklistResource {

    private final Worklists worklists;
    private final AuditTrail audit;

    public WorklistResource(Worklists worklists, AuditTrail audit) {
        this.worklists = worklists;
        this.audit = audit;
    }

    @GET
    @Transactional
    @Operation(summary = "One of the scheduler's queues",
            description = "kind: ready-to-schedule | due (eligible within the configured days, not booked) | no-shows | "
                    + "authorization-ending (window ends within the configured days, visits unused).")
    public List<WorklistEntry> get(@QueryParam("kind") String kind) {
        WorklistKind k = WorklistKind.fromParameter(kind).orElseThrow(() -> Problems.invalid(Map.of("kind",
                "must be one of ready-to-schedule, due, no-shows, authorization-ending")));
        List<WorklistEntry> entries = worklists.of(k);
        entries.forEach(e -> audit.record("READ", "treatment-plan", e.referralId(), e.referralId()));
        return entries;
    }
}
