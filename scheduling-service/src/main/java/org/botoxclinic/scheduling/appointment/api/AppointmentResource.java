package org.botoxclinic.scheduling.appointment.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.security.Roles;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.service.AppointmentBookingService;
import org.botoxclinic.scheduling.appointment.service.AppointmentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booking patients onto clinic days and following each appointment to treatment, cancellation or no-show. */
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Appointments")
public class AppointmentResource {

    private final AppointmentBookingService booking;
    private final AppointmentService appointments;

    public AppointmentResource(AppointmentBookingService booking, AppointmentService appointments) {
        this.booking = booking;
        this.appointments = appointments;
    }

    @POST
    @Operation(summary = "Book a referral onto a clinic day",
            description = "At the requested startTime (HH:mm), chair and providerId (the injector), each optional: "
                    + "without them, the first free slot (the earliest time at which a chair and an injector are both "
                    + "free for the indication's duration, chairs and injectors in their listed order). A requested "
                    + "slot that is taken: 409 SLOT_UNAVAILABLE with nearestFreeTimes (up to 3 free start times before "
                    + "and 3 after, HH:mm, nearest first); a chair or injector the day does not have: 400. "
                    + "Refusals (422, in this order): NOT_AUTHORIZED, OUTSIDE_AUTHORIZATION_WINDOW, NO_VISITS_LEFT, "
                    + "TOO_SOON (fewer than 84 days after the patient's latest treatment for the same indication, on any "
                    + "of the patient's referrals with the same patientId; a plan without a patientId counts its own "
                    + "treatments; with earliestDate and lastTreatmentDate), NOT_A_CLINIC_DAY, CLINIC_DAY_FULL (the "
                    + "day's capacity in minutes is used up), ALREADY_BOOKED; then CLINIC_DAY_FULL when no chair and "
                    + "injector are free together for the duration at any time of the day.")
    public Response book(@Valid @NotNull AppointmentRequests.Book request) {
        Appointment a = booking.book(request.referralId(), request.date(), request.startTime(), request.chair(),
                request.providerId());
        return Response.created(URI.create("/api/appointments/" + a.id())).entity(AppointmentView.of(a)).build();
    }

    @GET
    @Operation(summary = "Appointments on a date or for a referral, one page at a time",
            description = "By date, then booking time. Returns {items, next}: pass next back as cursor for the "
                    + "following page; next is null on the last page.")
    public Page<AppointmentView> list(@QueryParam("date") LocalDate date, @QueryParam("referralId") UUID referralId,
                                      @Parameter(description = "Appointments per page") @QueryParam("limit")
                                      @DefaultValue("100") @Min(1) @Max(500) int limit,
                                      @Parameter(description = "The next of the previous page") @QueryParam("cursor")
                                      String cursor) {
        return appointments.list(date, referralId, cursor, limit).map(AppointmentView::of);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One appointment")
    public AppointmentView get(@PathParam("id") UUID id) {
        return AppointmentView.of(appointments.get(id));
    }

    @POST
    @Path("/{id}/reschedule")
    @Operation(summary = "Move a booked appointment to another clinic day, time, chair or injector",
            description = "Another day applies the booking checks; startTime, chair and providerId as when booking "
                    + "(409 SLOT_UNAVAILABLE with nearestFreeTimes when the requested slot is taken). The same day "
                    + "without startTime, chair or providerId changes nothing. Publishes AppointmentRescheduled when "
                    + "the appointment moved.")
    public AppointmentView reschedule(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Reschedule request) {
        return AppointmentView.of(booking.reschedule(id, request.date(), request.startTime(), request.chair(),
                request.providerId()));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel an appointment", description = "By the PATIENT or the CLINIC, with a reason.")
    public AppointmentView cancel(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Cancel request) {
        return AppointmentView.of(appointments.cancel(id, request.reason(), request.by()));
    }

    @POST
    @Path("/{id}/check-in")
    @Operation(summary = "The patient arrived")
    public AppointmentView checkIn(@PathParam("id") UUID id) {
        return AppointmentView.of(appointments.checkIn(id));
    }

    @POST
    @Path("/{id}/complete")
    @Operation(summary = "Record the treatment given", description = "Not before the appointment's date; at most 400 units "
            + "within 84 days given to the same patient across referrals and indications, else 422 DOSE_LIMIT_EXCEEDED "
            + "with unitsAllowed. The same patient: every plan with the plan's patientId (referral-service's patient id; "
            + "after a PatientMerged, the merged patients are one), and every plan without a patientId whose first and "
            + "last name (ignoring case) and birth date are those of one of the patient's plans. A plan without a "
            + "patientId (accepted before referrals carried one) counts every plan with the same names and birth date. "
            + "Publishes TreatmentCompleted.")
    public AppointmentView complete(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Complete request) {
        return AppointmentView.of(appointments.complete(id, request.treatment()));
    }

    @POST
    @Path("/{id}/no-show")
    @Operation(summary = "The patient did not come", description = "Not before the appointment's date.")
    public AppointmentView noShow(@PathParam("id") UUID id) {
        return AppointmentView.of(appointments.noShow(id));
    }
}
