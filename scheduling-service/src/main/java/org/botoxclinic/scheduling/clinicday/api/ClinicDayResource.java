package org.botoxclinic.scheduling.clinicday.api;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.platform.web.Problems;
import org.botoxclinic.scheduling.clinicday.service.ClinicDays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinic's calendar as schedulers see and shape it. */
@Path("/api/clinic-days")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Clinic days")
public class ClinicDayResource {

    private static final String RESOURCE = "clinic-day";
    private static final int MAX_RANGE_DAYS = 800;

    private final ClinicDays days;
    private final AuditTrail audit;
    private final Clock clock;

    public ClinicDayResource(ClinicDays days, AuditTrail audit, Clock clock) {
        this.days = days;
        this.audit = audit;
        this.clock = clock;
    }

    @GET
    @Transactional
    @Operation(summary = "Clinic days in a date range", description = "Defaults to today and the next 12 months.")
    public List<ClinicDayView> list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        LocalDate start = from == null ? LocalDate.now(clock) : from;
        LocalDate end = to == null ? start.plusMonths(12) : to;
        if (end.isBefore(start) || end.isAfter(start.plusDays(MAX_RANGE_DAYS))) {
            throw Problems.invalid(Map.of("to", "must be on or after from and at most " + MAX_RANGE_DAYS + " days later"));
        }
        audit.record("READ", RESOURCE, start + ".." + end, null);
        return days.list(start, end);
    }

    @POST
    @Transactional
    @Operation(summary = "Add an extra clinic day", description = "Any date from today on; a closed day is opened again.")
    public Response add(@Valid @NotNull ClinicDayRequests.AddDay request) {
        ClinicDayView day = days.add(request.date(), request.capacityMinutes());
        audit.record("ADD", RESOURCE, day.date(), null);
        return Response.created(URI.create("/api/clinic-days/" + day.date())).entity(day).build();
    }

    @PATCH
    @Path("/{date}")
    @Transactional
    @Operation(summary = "Change a clinic day's capacity in chair minutes", description = "Never below the minutes booked.")
    public ClinicDayView changeCapacity(@PathParam("date") LocalDate date,
                                        @Valid @NotNull ClinicDayRequests.ChangeCapacity request) {
        ClinicDayView day = days.changeCapacity(date, request.capacityMinutes());
        audit.record("CHANGE_CAPACITY", RESOURCE, date, null);
        return day;
    }

    @POST
    @Path("/{date}/close")
    @Transactional
    @Operation(summary = "Close a clinic day", description = "Refused with 409 and the list of appointments while any is open.")
    public ClinicDayView close(@PathParam("date") LocalDate date, @Valid @NotNull ClinicDayRequests.CloseDay request) {
        ClinicDayView day = days.close(date, request.reason());
        audit.record("CLOSE", RESOURCE, date, null);
        return day;
    }
}
