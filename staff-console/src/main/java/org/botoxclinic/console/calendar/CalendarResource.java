package org.botoxclinic.console.calendar;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

import org.botoxclinic.console.scheduling.ClinicDay;
import org.botoxclinic.console.scheduling.ClinicDayDetail;
import org.botoxclinic.console.scheduling.Schedule;
import org.botoxclinic.console.scheduling.SchedulingApi;
import org.botoxclinic.console.scheduling.SchedulingRequests;
import org.botoxclinic.console.scheduling.TreatmentPlan;
import org.botoxclinic.console.scheduling.WorklistPage;
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
 * Scheduling: the clinic-day calendar (a month of clinic days with capacity and bookings; adding a day), a day's
 * schedule by time, chair and injector with its figures, and the scheduler's worklists, each row leading to booking.
 */
@Path("/scheduling")
@Produces(MediaType.TEXT_HTML)
public class CalendarResource {

    static final Set<String> GROUPS = Section.SCHEDULING.groups();
    static final List<String> WORKLISTS = List.of("ready-to-schedule", "due", "unconfirmed", "no-shows");
    private static final int WORKLIST_PAGE = 50;

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
    @Location("calendar/month.html")
    Template monthPage;
    @Inject
    @Location("calendar/day.html")
    Template dayPage;
    @Inject
    @Location("calendar/worklist.html")
    Template worklistPage;

    @GET
    public TemplateInstance month(@QueryParam("month") String month, @QueryParam("done") String done) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        return monthPage(user, yearMonth(month), Notices.of(done), null, Map.of(), new DayForm(null, null));
    }

    @POST
    @Path("/clinic-days")
    public Response addDay(@FormParam("date") String date, @FormParam("capacityMinutes") String capacity,
                           @FormParam("month") String month) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        try {
            ClinicDay added = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.addClinicDay(user.authorization(),
                    new SchedulingRequests.AddDay(FormValues.date(date), FormValues.number(capacity))));
            return Response.seeOther(URI.create("/scheduling?month=" + YearMonth.from(added.date()) + "&done=day-added")).build();
        } catch (UpstreamRefusal refusal) {
            if (!Refusals.shownInPlace(refusal)) {
                throw refusal;
            }
            Map<String, String> errors = Refusals.fieldMessages(refusal.problem(), "date", "capacityMinutes");
            String alert = errors.isEmpty() ? RefusalWords.sentence(refusal) : null;
            return Response.status(refusal.status())
                    .entity(monthPage(user, yearMonth(month), null, alert, errors, new DayForm(date, capacity))).build();
        }
    }

    @GET
    @Path("/days/{date}")
    public TemplateInstance day(@PathParam("date") LocalDate date, @QueryParam("done") String done) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        ClinicDayDetail detail = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.clinicDay(user.authorization(), date));
        Schedule schedule = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.schedule(user.authorization(), date));
        Map<UUID, String> patients = new HashMap<>();
        for (Schedule.Entry entry : schedule.items()) {
            patients.computeIfAbsent(entry.referralId(), referral -> patientName(user, referral));
        }
        List<DayRow> rows = schedule.items().stream()
                .map(e -> new DayRow(e, patients.get(e.referralId())))
                .toList();
        return pages.page(dayPage, Section.SCHEDULING)
                .data("here", "calendar")
                .data("day", detail)
                .data("title", RefusalWords.day(date.toString()))
                .data("month", YearMonth.from(date).toString())
                .data("rows", rows)
                .data("notice", Notices.of(done));
    }

    @GET
    @Path("/worklists")
    public TemplateInstance worklist(@QueryParam("kind") String kind, @QueryParam("cursor") String cursor) {
        ConsoleUser user = currentUser.requireAnyOf(GROUPS);
        String chosen = WORKLISTS.contains(kind) ? kind : WORKLISTS.get(0);
        WorklistPage page = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.worklist(user.authorization(), chosen,
                WORKLIST_PAGE, cursor == null || cursor.isBlank() ? null : cursor));
        return pages.page(worklistPage, Section.SCHEDULING)
                .data("here", chosen)
                .data("kind", chosen)
                .data("kinds", WORKLISTS)
                .data("page", page)
                .data("firstPage", cursor == null || cursor.isBlank());
    }

    /** One appointment of a day's schedule with the patient's name (schedulers see it; the schedule has ids only). */
    @io.quarkus.qute.TemplateData
    public record DayRow(Schedule.Entry entry, String patient) {
    }

    /** The add-a-clinic-day form as the person filled it in. */
    @io.quarkus.qute.TemplateData
    public record DayForm(String date, String capacityMinutes) {
    }

    private TemplateInstance monthPage(ConsoleUser user, YearMonth month, String notice, String alert,
                                       Map<String, String> errors, DayForm form) {
        List<ClinicDay> days = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.clinicDays(user.authorization(),
                month.atDay(1), month.atEndOfMonth(), 100, null)).items();
        return pages.page(monthPage, Section.SCHEDULING)
                .data("here", "calendar")
                .data("view", MonthView.of(month, days, today()))
                .data("notice", notice)
                .data("alert", alert)
                .data("errors", errors)
                .data("form", form);
    }

    private String patientName(ConsoleUser user, UUID referralId) {
        try {
            TreatmentPlan plan = Upstream.call(SchedulingApi.SERVICE, () -> scheduling.plan(user.authorization(), referralId));
            return plan.patientName();
        } catch (UpstreamRefusal refusal) {
            return "Referral " + referralId;
        }
    }

    private YearMonth yearMonth(String month) {
        try {
            return month == null || month.isBlank() ? YearMonth.from(today()) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return YearMonth.from(today());
        }
    }

    private LocalDate today() {
        return LocalDate.now(ZoneId.of(zone));
    }
}
