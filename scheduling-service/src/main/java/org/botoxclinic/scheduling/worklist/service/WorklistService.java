package org.botoxclinic.scheduling.worklist.service;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.config.OutcomesConfig;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.botoxclinic.scheduling.notification.repository.AppointmentConfirmationRepository;
import org.botoxclinic.scheduling.notification.service.NotificationConfig;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository.After;
import org.botoxclinic.scheduling.plan.service.PlanOverview;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanService;

/** Builds the scheduler's queues from plans and appointments, one page at a time. */
@ApplicationScoped
public class WorklistService {

    private final TreatmentPlanRepository plans;
    private final AppointmentRepository appointments;
    private final TreatmentPlanService planService;
    private final AuditTrail audit;
    private final Clock clock;
    private final SchedulingConfig config;
    private final OutcomesConfig outcomes;
    private final AppointmentConfirmationRepository confirmations;
    private final NotificationConfig notifications;

    public WorklistService(TreatmentPlanRepository plans, AppointmentRepository appointments, TreatmentPlanService planService,
                           AuditTrail audit, Clock clock, SchedulingConfig config, OutcomesConfig outcomes,
                           AppointmentConfirmationRepository confirmations, NotificationConfig notifications) {
        this.plans = plans;
        this.appointments = appointments;
        this.planService = planService;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
        this.outcomes = outcomes;
        this.confirmations = confirmations;
        this.notifications = notifications;
    }

    /** The queue named by a request parameter ({@code ready-to-schedule}, {@code due}, ...). */
    public static WorklistKind kind(String parameter) {
        return WorklistKind.fromParameter(parameter).orElseThrow(() -> new InvalidInputException("kind", "must be one of "
                + String.join(", ", Arrays.stream(WorklistKind.values()).map(WorklistKind::parameter).toList())));
    }

    @Transactional
    public Page<WorklistEntry> page(WorklistKind kind, String cursor, int limit) {
        LocalDate today = LocalDate.now(clock);
        Page<WorklistEntry> page = switch (kind) {
            case READY_TO_SCHEDULE -> byEligibility(kind, today, null, cursor, limit);
            case DUE -> byEligibility(kind, today, today.plusDays(config.dueWithinDays()), cursor, limit);
            case NO_SHOWS -> noShows(cursor, limit);
            case AUTHORIZATION_ENDING -> authorizationEnding(today, cursor, limit);
            case NON_RESPONDERS -> nonResponders(cursor, limit);
            case UNCONFIRMED -> unconfirmed(today, cursor, limit);
        };
        audit.recordAll("READ", TreatmentPlanService.RESOURCE, page.items().stream()
                .map(e -> new AuditTrail.Disclosed(e.plan().plan().referralId(), e.plan().plan().referralId())).toList());
        return page;
    }

    /** Authorized plans with visits left and nothing booked, soonest eligible first. */
    private Page<WorklistEntry> byEligibility(WorklistKind kind, LocalDate today, LocalDate eligibleBy, String cursor,
                                              int limit) {
        After<LocalDate> after = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, kind.parameter(), 2);
            after = new After<>(c.date(0), c.uuid(1));
        }
        return Page.of(entries(plans.readyToSchedule(today, eligibleBy, after, limit + 1)), limit,
                e -> Cursor.of(kind.parameter(), e.plan().nextEligibleDate(), e.plan().plan().referralId()));
    }

    /** Missed appointments whose patient has not been booked or treated since and whose referral still stands. */
    private Page<WorklistEntry> noShows(String cursor, int limit) {
        AppointmentRepository.After after = null;
        String list = WorklistKind.NO_SHOWS.parameter();
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, list, 2);
            after = new AppointmentRepository.After(c.date(0), null, c.uuid(1));
        }
        List<Appointment> missed = appointments.unresolvedNoShows(after, limit + 1);
        Map<UUID, TreatmentPlan> planOf = plans.byReferral(missed.stream().map(Appointment::referralId).distinct().toList());
        List<PlanOverview> overviews = planService.overviews(missed.stream().map(a -> planOf.get(a.referralId())).toList());
        List<WorklistEntry> entries = IntStream.range(0, missed.size())
                .mapToObj(i -> new WorklistEntry(overviews.get(i), missed.get(i)))
                .toList();
        return Page.of(entries, limit, e -> Cursor.of(list, e.appointment().date(), e.appointment().id()));
    }

    /** Authorizations whose window ends within the configured days while visits are still unused. */
    private Page<WorklistEntry> authorizationEnding(LocalDate today, String cursor, int limit) {
        String list = WorklistKind.AUTHORIZATION_ENDING.parameter();
        After<LocalDate> after = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, list, 2);
            after = new After<>(c.date(0), c.uuid(1));
        }
        List<TreatmentPlan> found = plans.authorizationEnding(today, today.plusDays(config.authorizationEndingWithinDays()),
                after, limit + 1);
        return Page.of(entries(found), limit,
                e -> Cursor.of(list, e.plan().plan().authorization().validTo(), e.plan().plan().referralId()));
    }

    /**
     * Patients judged after two treatments who improved by less than the configured percentage, least improved first.
     * The cursor carries the improvement in tenths of a percent, as stored.
     */
    private Page<WorklistEntry> nonResponders(String cursor, int limit) {
        String list = WorklistKind.NON_RESPONDERS.parameter();
        After<BigDecimal> after = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, list, 2);
            after = new After<>(BigDecimal.valueOf(c.number(0), 1), c.uuid(1));
        }
        List<TreatmentPlan> found = plans.nonResponders(outcomes.nonResponderBelowPercent(), after, limit + 1);
        return Page.of(entries(found), limit, e -> Cursor.of(list,
                e.plan().plan().improvementAfterSecondTreatment().movePointRight(1).longValueExact(), e.plan().plan().referralId()));
    }

    /**
     * Booked appointments from today to the configured days ahead (D-2) whose patient has not confirmed their current
     * day and time, soonest first; a reschedule makes an appointment unconfirmed again.
     */
    private Page<WorklistEntry> unconfirmed(LocalDate today, String cursor, int limit) {
        String list = WorklistKind.UNCONFIRMED.parameter();
        AppointmentConfirmationRepository.After after = null;
        if (cursor != null) {
            Cursor c = Cursor.decode(cursor, list, 3);
            after = new AppointmentConfirmationRepository.After(c.date(0), LocalTime.parse(c.text(1)), c.uuid(2));
        }
        List<Appointment> found = confirmations.unconfirmed(today, today.plusDays(notifications.unconfirmedWithinDays()),
                after, limit + 1);
        return Page.of(withPlans(found), limit,
                e -> Cursor.of(list, e.appointment().date(), e.appointment().startTime().toString(), e.appointment().id()));
    }

    /** Each appointment with its plan, in the same order. */
    private List<WorklistEntry> withPlans(List<Appointment> found) {
        Map<UUID, TreatmentPlan> planOf = plans.byReferral(found.stream().map(Appointment::referralId).distinct().toList());
        List<PlanOverview> overviews = planService.overviews(found.stream().map(a -> planOf.get(a.referralId())).toList());
        return IntStream.range(0, found.size())
                .mapToObj(i -> new WorklistEntry(overviews.get(i), found.get(i)))
                .toList();
    }

    private List<WorklistEntry> entries(List<TreatmentPlan> found) {
        return planService.overviews(found).stream().map(overview -> new WorklistEntry(overview, null)).toList();
    }
}
