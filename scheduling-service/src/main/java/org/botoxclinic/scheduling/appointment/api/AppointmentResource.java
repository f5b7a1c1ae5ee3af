package org.botoxclinic.scheduling.appointment.api;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.service.Appointments;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Booking patients onto clinic days and following each appointment to treatment, cancellation or no-show. */
@Path("/api/appointments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.SCHEDULER, Roles.ADMIN})
@Tag(name = "Appointments")
public class AppointmentResource {

    private static final String RESOURCE = "appointment";

    private final Appointments appointments;
    private final AuditTrail audit;

    public AppointmentResource(Appointments appointments, AuditTrail audit) {
        this.appointments = appointments;
        this.audit = audit;
    }

    @POST
    @Transactional
    @Operation(summary = "Book a referral onto a clinic day",
            description = "Refusals (422, in this order): NOT_AUTHORIZED, OUTSIDE_AUTHORIZATION_WINDOW, NO_VISITS_LEFT, "
                    + "TOO_SOON (with earliestDate), NOT_A_CLINIC_DAY, CLINIC_DAY_FULL, ALREADY_BOOKED.")
    public Response book(@Valid @NotNull AppointmentRequests.Book request) {
        Appointment a = appointments.book(request.referralId(), request.date());
        audit.record("BOOK", RESOURCE, a.id(), a.referralId());
        return Response.created(URI.create("/api/appointments/" + a.id())).entity(AppointmentView.of(a)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "Appointments on a date or for a referral")
    public List<AppointmentView> list(@QueryParam("date") LocalDate date, @QueryParam("referralId") UUID referralId) {
        List<AppointmentView> found = appointments.list(date, referralId).stream().map(AppointmentView::of).toList();
        found.forEach(a -> audit.record("READ", RESOURCE, a.id(), a.referralId()));
        return found;
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One appointment")
    public AppointmentView get(@PathParam("id") UUID id) {
        Appointment a = appointments.find(id).orElseThrow(() -> Problems.notFound(RESOURCE, id));
        audit.record("READ", RESOURCE, id, a.referralId());
        return AppointmentView.of(a);
    }

    @POST
    @Path("/{id}/reschedule")
    @Transactional
    @Operation(summary = "Move a booked appointment to another clinic day", description = "Applies the booking checks.")
    public AppointmentView reschedule(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Reschedule request) {
        return recorded("RESCHEDULE", appointments.reschedule(id, request.date()));
    }

    @POST
    @Path("/{id}/cancel")
    @Transactional
    @Operation(summary = "Cancel an appointment", description = "By the PATIENT or the CLINIC, with a reason.")
    public AppointmentView cancel(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Cancel request) {
        return recorded("CANCEL", appointments.cancel(id, request.reason(), request.by()));
    }

    @POST
    @Path("/{id}/check-in")
    @Transactional
    @Operation(summary = "The patient arrived")
    public AppointmentView checkIn(@PathParam("id") UUID id) {
        return recorded("CHECK_IN", appointments.checkIn(id));
    }

    @POST
    @Path("/{id}/complete")
    @Transactional
    @Operation(summary = "Record the treatment given", description = "Not before the appointment's date; at most 400 units "
            + "within 84 days across indications (DOSE_LIMIT_EXCEEDED). Publishes TreatmentCompleted.")
    public AppointmentView complete(@PathParam("id") UUID id, @Valid @NotNull AppointmentRequests.Complete request) {
        return recorded("COMPLETE", appointments.complete(id, request.unitsAdministered(), request.unitsWasted(),
                request.injectionSites(), request.notes()));
    }

    @POST
    @Path("/{id}/no-show")
    @Transactional
    @Operation(summary = "The patient did not come", description = "Not before the appointment's date.")
    public AppointmentView noShow(@PathParam("id") UUID id) {
        return recorded("NO_SHOW", appointments.noShow(id));
    }

    private AppointmentView recorded(String action, Appointment a) {
        audit.record(action, RESOURCE, a.id(), a.referralId());
        return AppointmentView.of(a);
    }
}
