package org.botoxclinic.scheduling.clinicday.api;

import java.net.URI;
import java.time.Clock;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.clinicday.domain.ScheduleCalendar;
import org.botoxclinic.scheduling.clinicday.service.ClinicDaySchedule;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.botoxclinic.scheduling.config.SchedulingConfig;
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

    /** The iCalendar media type (RFC 5545). */
    public static final String TEXT_CALENDAR = "text/calendar";

    private final ClinicDayService days;
    private final SchedulingConfig config;
    private final Clock clock;

    public ClinicDayResource(ClinicDayService days, SchedulingConfig config, Clock clock) {
        this.days = days;
        this.config = config;
        this.clock = clock;
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

    @GET
    @Path("/{date}")
    @Operation(summary = "One clinic day with its figures",
            description = "Capacity and booked chair minutes, utilisation (booked minutes against capacity), no-shows, "
                    + "cancellations and treatments of the day, and its chairs and injectors.")
    public ClinicDayDetailView get(@PathParam("date") LocalDate date) {
        return ClinicDayDetailView.of(days.get(date));
    }

    @GET
    @Path("/{date}/resources")
    @Operation(summary = "A clinic day's chairs and injectors with their hours",
            description = "custom is false when the day has the configured defaults (CLINIC_DAY_CHAIRS chairs chair-1.., "
                    + "CLINIC_DAY_INJECTORS injectors injector-1.., from CLINIC_DAY_OPENS_AT for CLINIC_DAY_HOURS).")
    public DayResourcesView resources(@PathParam("date") LocalDate date) {
        return DayResourcesView.of(date, days.resources(date));
    }

    @PUT
    @Path("/{date}/resources")
    @Operation(summary = "Set a clinic day's chairs and injectors with their hours",
            description = "Replaces the day's chairs (rooms) and providers (injectors), each {id, from, to} (HH:mm; an "
                    + "appointment may end exactly at to), listed in the order free slots are handed out. The day's "
                    + "capacity becomes the chairs' minutes. 409 RESOURCES_IN_USE (with the appointments) while an open "
                    + "appointment would lose its chair or injector or fall outside their hours; 409 "
                    + "CAPACITY_BELOW_BOOKINGS when the chairs' minutes are fewer than those booked; 409 on a closed day.")
    public DayResourcesView setResources(@PathParam("date") LocalDate date,
                                         @Valid @NotNull ClinicDayRequests.SetResources request) {
        return DayResourcesView.of(date, days.setResources(date, request.chairHours(), request.providerHours()));
    }

    @GET
    @Path("/{date}/schedule")
    @Operation(summary = "A clinic day's appointments in time order",
            description = "Every appointment holding time (BOOKED, CHECKED_IN, FULFILLED, NOSHOW) by start time and chair, "
                    + "with its end time, chair and injector; ids only, no patient details.")
    public ScheduleView schedule(@PathParam("date") LocalDate date) {
        return ScheduleView.of(days.schedule(date), config.place());
    }

    @GET
    @Path("/{date}/schedule.ics")
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "A clinic day's schedule as an iCalendar file (RFC 5545)",
            description = "One VEVENT per appointment of the schedule, DTSTART and DTEND in the clinic's time zone "
                    + "(TZID with its VTIMEZONE), the place as LOCATION, chair and injector as RESOURCES; UID is the "
                    + "appointment id. No patient details.")
    public Response scheduleCalendar(@PathParam("date") LocalDate date) {
        ClinicDaySchedule schedule = days.schedule(date);
        String calendar = ScheduleCalendar.write(date, schedule.entries(), clock.getZone(), config.place(),
                clock.instant());
        return Response.ok(calendar, TEXT_CALENDAR + "; charset=utf-8")
                .header("Content-Disposition", "inline; filename=\"clinic-day-" + date + ".ics\"")
                .build();
    }
}
