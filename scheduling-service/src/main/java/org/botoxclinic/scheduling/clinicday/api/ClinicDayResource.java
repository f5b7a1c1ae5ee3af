package org.botoxclinic.scheduling.clinicday.api;

import java.net.URI;
import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The clinic's calendar as schedulers see and shape it. */
@Path("/api/clinic-days")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Clinic days")
public class ClinicDayResource {

    private final ClinicDayService days;

    public ClinicDayResource(ClinicDayService days) {
        this.days = days;
    }

    @GET
    @Operation(summary = "Clinic days in a date range, one page at a time",
            description = "Defaults to today and the next 12 months. Returns {items, next}: pass next back as cursor "
                    + "for the following page; next is null on the last page.")
    public Page<ClinicDayView> list(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
                                    @Parameter(description = "Days per page") @QueryParam("limit") @DefaultValue("100")
                                    @Min(1) @Max(500) int limit,
                                    @Parameter(description = "The next of the previous page") @QueryParam("cursor") String cursor) {
        return days.list(from, to, cursor, limit).map(ClinicDayView::of);
    }

    @POST
    @Operation(summary = "Add an extra clinic day", description = "Any date from today on; a closed day is opened again.")
    public Response add(@Valid @NotNull ClinicDayRequests.AddDay request) {
        ClinicDayView day = ClinicDayView.of(days.add(request.date(), request.capacityMinutes()));
        return Response.created(URI.create("/api/clinic-days/" + day.date())).entity(day).build();
    }

    @PATCH
    @Path("/{date}")
    @Operation(summary = "Change a clinic day's capacity in chair minutes", description = "Never below the minutes booked.")
    public ClinicDayView changeCapacity(@PathParam("date") LocalDate date,
                                        @Valid @NotNull ClinicDayRequests.ChangeCapacity request) {
        return ClinicDayView.of(days.changeCapacity(date, request.capacityMinutes()));
    }

    @POST
    @Path("/{date}/close")
    @Operation(summary = "Close a clinic day", description = "Refused with 409 and the list of appointments while any is open.")
    public ClinicDayView close(@PathParam("date") LocalDate date, @Valid @NotNull ClinicDayRequests.CloseDay request) {
        return ClinicDayView.of(days.close(date, request.reason()));
    }
}
