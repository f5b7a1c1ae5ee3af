package org.botoxclinic.console.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.botoxclinic.console.scheduling.Appointment;
import org.botoxclinic.console.scheduling.ClinicDay;
import org.botoxclinic.console.scheduling.SchedulingApi;
import org.botoxclinic.console.scheduling.SchedulingRequests;
import org.botoxclinic.console.scheduling.TreatmentPlan;
import org.botoxclinic.console.signin.ConsoleUser;
import org.botoxclinic.console.signin.CurrentUser;
import org.botoxclinic.console.upstream.Upstream;
import org.botoxclinic.console.upstream.UpstreamRefusal;
import org.botoxclinic.console.web.Pages;
import org.botoxclinic.console.web.Section;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;

/**
 * Booking a referral onto a clinic day, and an appointment's page with what can happen to it: reschedule, cancel,
 * check in, complete, no-show. Each is a form answered 303 with a notice; a refusal is shown next to its form in
 * words, with the free times the service offers instead of a taken one.
 */
@Path("/scheduling/appointments")
@Produces(MediaType.TEXT_HTML)
public class AppointmentsResource {

    /** How far ahead the booking form offers clinic days. */
    private static final int MONTHS_AHEAD = 12;

    @Inject
    CurrentUser currentUser;
    @Inject
    Pages pages;
    @Inject
    @RestClient
    SchedulingApi scheduling;
    @ConfigProperty(name = "clinic.time-zone", defaultValue = "America/New_York")
    String zone;
    @Inject
    @Location("calendar/book.html")
    Template bookPage;
    @Inject
    @Location("calendar/appointment.html")
    Template appointmentPage;

    /** The booking form for a referral; the date defaults to the clinic day the service suggests. */
    @GET
    @Path("/new")
    public Response bookForm(@QueryParam("referralId") UUID referralId, @QueryParam("date") String date,
                             @QueryParam("startTime") String startTime, @QueryParam("chair") String chair,
                             @QueryParam("providerId") String providerId) {
        ConsoleUser user = currentUser.requireAnyOf(CalendarResource.GROUPS);
        if (referralId == null) {
            // Booking starts from a worklist row, which names the referral.
            return Response.seeOther(URI.create("/scheduling/worklists?kind=ready-to-schedule")).build();
        }
        TreatmentPlan plan = plan(user, referralId);
        String day = date != null ? date : plan.suggestedClinicDay() == null ? null : plan.suggestedClinicDay().toString();
        return Response.ok(bookPage(user, plan, new SlotForm(day, startTime, chair, providerId), null, null, Map.of())).build();
    }

    @POST
    public Response book(@FormParam("referralId") UUID referralId, @FormParam("date") String date,
                         @FormParam("startTime") String startTime, @FormParam("chosenTime") String chosenTime,
                         @FormParam("chair") String chair, @FormParam("providerId") String providerId) {
        ConsoleUser user = currentUser.requireAnyOf(CalendarResource.GROUPS);
        SlotForm form = new SlotForm(date, chosenTime != null ? chosenTime : startTime, chair, providerId);
        try {
            Appointment booked = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.book(user.authorization(),
                    new SchedulingRequests.Book(referralId, FormValues.date(form.date()), FormValues.time(form.startTime()),
                            FormValues.text(form.chair()), FormValues.text(form.providerId()))));
            return Response.seeOther(URI.create("/scheduling/appointments/" + booked.id() + "?done=booked")).build();
        } catch (UpstreamRefusal refusal) {
            if (!Refusals.shownInPlace(refusal)) {
                throw refusal;
            }
            Map<String, String> errors = Refusals.fieldMessages(refusal.problem(), SlotForm.FIELDS);
            return Response.status(refusal.status())
                    .entity(bookPage(user, plan(user, referralId), form, RefusalWords.sentence(refusal),
                            nearest(refusal), errors))
                    .build();
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance appointment(@PathParam("id") UUID id, @QueryParam("done") String done) {
        ConsoleUser user = currentUser.requireAnyOf(CalendarResource.GROUPS);
        Appointment appointment = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.appointment(user.authorization(), id));
        return appointmentPage(user, appointment, Notices.of(done), Failure.NONE);
    }

    @POST
    @Path("/{id}/reschedule")
    public Response reschedule(@PathParam("id") UUID id, @FormParam("date") String date,
                               @FormParam("startTime") String startTime, @FormParam("chosenTime") String chosenTime,
                               @FormParam("chair") String chair, @FormParam("providerId") String providerId) {
        SlotForm form = new SlotForm(date, chosenTime != null ? chosenTime : startTime, chair, providerId);
        return act(id, "reschedule", "rescheduled", form, null, null, user -> scheduling.reschedule(user.authorization(), id,
                new SchedulingRequests.Reschedule(FormValues.date(form.date()), FormValues.time(form.startTime()),
                        FormValues.text(form.chair()), FormValues.text(form.providerId()))));
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") UUID id, @FormParam("reason") String reason, @FormParam("by") String by) {
        CancelForm form = new CancelForm(reason, by);
        return act(id, "cancel", "cancelled", null, form, null, user -> scheduling.cancel(user.authorization(), id,
                new SchedulingRequests.Cancel(FormValues.text(reason), FormValues.text(by))));
    }

    @POST
    @Path("/{id}/check-in")
    public Response checkIn(@PathParam("id") UUID id) {
        return act(id, "check-in", "checked-in", null, null, null, user -> scheduling.checkIn(user.authorization(), id));
    }

    @POST
    @Path("/{id}/complete")
    public Response complete(@PathParam("id") UUID id, @FormParam("unitsAdministered") String administered,
                             @FormParam("unitsWasted") String wasted, @FormParam("injectionSites") String sites,
                             @FormParam("notes") String notes) {
        CompleteForm form = new CompleteForm(administered, wasted, sites, notes);
        return act(id, "complete", "completed", null, null, form, user -> scheduling.complete(user.authorization(), id,
                new SchedulingRequests.Complete(FormValues.number(administered), FormValues.number(wasted),
                        FormValues.number(sites), FormValues.text(notes))));
    }

    @POST
    @Path("/{id}/no-show")
    public Response noShow(@PathParam("id") UUID id) {
        return act(id, "no-show", "no-show", null, null, null, user -> scheduling.noShow(user.authorization(), id));
    }

    /** The reschedule form as filled in (or the appointment's own slot), and the fields the service may name. */
    @io.quarkus.qute.TemplateData
    public record SlotForm(String date, String startTime, String chair, String providerId) {
        static final String[] FIELDS = {"date", "startTime", "chair", "providerId"};
    }

    @io.quarkus.qute.TemplateData
    public record CancelForm(String reason, String by) {
    }

    @io.quarkus.qute.TemplateData
    public record CompleteForm(String unitsAdministered, String unitsWasted, String injectionSites, String notes) {
    }

    /** Which form a refusal belongs to, the sentence, the free times offered and the field messages. */
    @io.quarkus.qute.TemplateData
    public record Failure(String action, String alert, List<String> nearestFreeTimes, Map<String, String> errors) {
        static final Failure NONE = new Failure(null, null, List.of(), Map.of());

        public boolean on(String form) {
            return form.equals(action);
        }
    }

    private Response act(UUID id, String action, String done, SlotForm slot, CancelForm cancel, CompleteForm complete,
                         java.util.function.Function<ConsoleUser, Appointment> call) {
        ConsoleUser user = currentUser.requireAnyOf(CalendarResource.GROUPS);
        try {
            Upstream.call(SchedulingApi.SERVICE, () -> call.apply(user));
            return Response.seeOther(URI.create("/scheduling/appointments/" + id + "?done=" + done)).build();
        } catch (UpstreamRefusal refusal) {
            if (!Refusals.shownInPlace(refusal)) {
                throw refusal;
            }
            Map<String, String> errors = Refusals.fieldMessages(refusal.problem(), "date", "startTime", "chair",
                    "providerId", "reason", "by", "unitsAdministered", "unitsWasted", "injectionSites", "notes");
            Failure failure = new Failure(action, RefusalWords.sentence(refusal), nearest(refusal), errors);
            Appointment appointment = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.appointment(user.authorization(), id));
            return Response.status(refusal.status())
                    .entity(appointmentPage(user, appointment, null, failure)
                            .data("slot", slot != null ? slot : slotOf(appointment))
                            .data("cancelForm", cancel != null ? cancel : new CancelForm(null, null))
                            .data("completeForm", complete != null ? complete : new CompleteForm(null, "0", null, null)))
                    .build();
        }
    }

    private TemplateInstance appointmentPage(ConsoleUser user, Appointment appointment, String notice, Failure failure) {
        TreatmentPlan plan = plan(user, appointment.referralId());
        return pages.page(appointmentPage, Section.SCHEDULING)
                .data("here", "calendar")
                .data("appointment", appointment)
                .data("plan", plan)
                .data("title", RefusalWords.day(appointment.date().toString()))
                .data("days", clinicDays(user))
                .data("notice", notice)
                .data("failure", failure)
                .data("slot", slotOf(appointment))
                .data("cancelForm", new CancelForm(null, null))
                .data("completeForm", new CompleteForm(null, "0", null, null));
    }

    private TemplateInstance bookPage(ConsoleUser user, TreatmentPlan plan, SlotForm form, String alert,
                                      List<String> nearest, Map<String, String> errors) {
        return pages.page(bookPage, Section.SCHEDULING)
                .data("here", "ready-to-schedule")
                .data("plan", plan)
                .data("form", form)
                .data("days", clinicDays(user))
                .data("alert", alert)
                .data("nearest", nearest == null ? List.of() : nearest)
                .data("errors", errors);
    }

    private static SlotForm slotOf(Appointment appointment) {
        return new SlotForm(appointment.date().toString(),
                appointment.startTime() == null ? null : appointment.startTime().toString(), null, null);
    }

    private static List<String> nearest(UpstreamRefusal refusal) {
        return refusal.problem().factList("nearestFreeTimes");
    }

    private TreatmentPlan plan(ConsoleUser user, UUID referralId) {
        return Upstream.call(SchedulingApi.SERVICE, () -> scheduling.plan(user.authorization(), referralId));
    }

    /** The open clinic days from today on, to choose from. */
    private List<ClinicDay> clinicDays(ConsoleUser user) {
        LocalDate today = LocalDate.now(ZoneId.of(zone));
        Supplier<List<ClinicDay>> call = () -> scheduling.clinicDays(user.authorization(), today,
                today.plusMonths(MONTHS_AHEAD), 500, null).items();
        return Upstream.call(SchedulingApi.SERVICE, call).stream().filter(ClinicDay::open).toList();
    }
}
