package org.botoxclinic.scheduling.worklist.api;

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
import org.botoxclinic.scheduling.worklist.service.WorklistService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The scheduler's queues: who to book, who is due, who missed, whose authorization is running out. */
@Path("/api/worklist")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Worklist")
public class WorklistResource {

    private final WorklistService worklists;

    public WorklistResource(WorklistService worklists) {
        this.worklists = worklists;
    }

    @GET
    @Operation(summary = "One of the scheduler's queues, one page at a time",
            description = "kind: ready-to-schedule and due (eligible within the configured days, not booked), soonest "
                    + "eligible first | no-shows, by date | authorization-ending (window ends within the configured days, "
                    + "visits unused), soonest end first | non-responders (the latest primary-measure outcome assessed "
                    + "after the second treatment improved by less than the configured percentage of the baseline; the "
                    + "figure is the plan's improvementAfterSecondTreatment), least improved first | unconfirmed (booked from today to the configured days ahead, 2 by default, and not confirmed by the patient for the appointment's current day and time; with the appointment), soonest first. Returns {items, next}: pass next back as cursor for the "
                    + "following page; next is null on the last page.")
    public Page<WorklistEntryView> get(@QueryParam("kind") String kind,
                                       @Parameter(description = "Entries per page") @QueryParam("limit")
                                       @DefaultValue("100") @Min(1) @Max(500) int limit,
                                       @Parameter(description = "The next of the previous page") @QueryParam("cursor")
                                       String cursor) {
        return worklists.page(WorklistService.kind(kind), cursor, limit).map(WorklistEntryView::of);
    }
}
