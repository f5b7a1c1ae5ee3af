package org.botoxclinic.scheduling.notification.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.botoxclinic.scheduling.notification.domain.AppointmentSlot;
import org.botoxclinic.scheduling.notification.domain.ContactPreference;
import org.botoxclinic.scheduling.notification.domain.MessageText;
import org.botoxclinic.scheduling.notification.domain.Notification;
import org.botoxclinic.scheduling.notification.domain.Recipient;
import org.botoxclinic.scheduling.notification.domain.ReminderSchedule;
import org.botoxclinic.scheduling.notification.repository.ContactPreferenceRepository;
import org.botoxclinic.scheduling.notification.repository.NotificationRepository;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.jboss.logging.Logger;

/**
 * Decides which messages are owed, every {@code clinic.notifications.check-every}: withdraws the queued reminders of
 * appointments that moved or were called off, queues the reminder due today for each booked appointment (once per
 * appointment, slot and lead: the database's once-key refuses a second, whichever replica or run writes it), and a
 * recall for each treated patient whose plan entered the "due" window (once per treatment cycle). Sending is the
 * {@link NotificationDispatcher}'s job.
 */
@ApplicationScoped
public class NotificationPlanner {

    private static final Logger LOG = Logger.getLogger(NotificationPlanner.class);
    /** Appointments or plans looked at per transaction. */
    private static final int BATCH = 200;

    /** What one pass did. */
    public record Planned(int withdrawn, int reminders, int recalls) {
    }

    private final NotificationRepository notifications;
    private final ContactPreferenceRepository contacts;
    private final TreatmentPlanRepository plans;
    private final ConfirmationTokens tokens;
    private final NotificationDispatcher dispatcher;
    private final NotificationConfig config;
    private final SchedulingConfig scheduling;
    private final String place;
    private final Clock clock;

    public NotificationPlanner(NotificationRepository notifications, ContactPreferenceRepository contacts,
                               TreatmentPlanRepository plans, ConfirmationTokens tokens, NotificationDispatcher dispatcher,
                               NotificationConfig config, SchedulingConfig scheduling, Clock clock) {
        this.notifications = notifications;
        this.contacts = contacts;
        this.plans = plans;
        this.tokens = tokens;
        this.dispatcher = dispatcher;
        this.config = config;
        this.scheduling = scheduling;
        this.place = scheduling.place();
        this.clock = clock;
    }

    @Scheduled(every = "${clinic.notifications.check-every:1m}", delayed = "${clinic.jobs.first-run-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SkipWhenShuttingDown.class)
    void run() {
        plan();
        dispatcher.dispatch();
    }

    /** One pass at the clock's current instant. */
    public Planned plan() {
        OffsetDateTime now = Timestamps.now(clock);
        LocalDate today = LocalDate.now(clock);
        int withdrawn = QuarkusTransaction.requiringNew().call(() -> notifications.suppressChangedReminders(now));
        int reminders = planReminders(today, now);
        int recalls = planRecalls(today, now);
        if (withdrawn + reminders + recalls > 0) {
            LOG.infof("Notifications planned: %d reminders and %d recalls queued, %d reminders withdrawn", reminders,
                    recalls, withdrawn);
        }
        return new Planned(withdrawn, reminders, recalls);
    }

    private int planReminders(LocalDate today, OffsetDateTime now) {
        ReminderSchedule schedule = new ReminderSchedule(config.reminderDaysBefore());
        LocalDate last = today.plusDays(schedule.horizonDays());
        int queued = 0;
        LocalDate afterDate = null;
        UUID afterId = null;
        while (true) {
            LocalDate fromDate = afterDate;
            UUID fromId = afterId;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> {
                List<Appointment> booked = notifications.bookedBetween(today, last, fromDate, fromId, BATCH);
                // The reminder due now for each appointment, unless it was written already (most runs write nothing).
                Map<Appointment, String> owed = new LinkedHashMap<>();
                for (Appointment appointment : booked) {
                    Optional<Integer> due = schedule.due(appointment.date(), today);
                    if (due.isPresent() && AppointmentSlots.startsAt(appointment, clock.getZone()).isAfter(now)) {
                        owed.put(appointment, Notification.reminderKey(appointment.id(), AppointmentSlots.of(appointment),
                                due.get()));
                    }
                }
                owed.values().removeAll(notifications.existingOnceKeys(owed.values()));
                Map<UUID, TreatmentPlan> planOf = plans.byReferral(owed.keySet().stream().map(Appointment::referralId)
                        .distinct().toList());
                int stored = 0;
                for (Appointment appointment : owed.keySet()) {
                    Optional<Integer> due = schedule.due(appointment.date(), today);
                    AppointmentSlot slot = AppointmentSlots.of(appointment);
                    String link = MessageText.confirmLink(config.confirmPageUrl(), appointment.id(),
                            tokens.sign(appointment.id(), slot));
                    Notification reminder = Notification.reminder(appointment.referralId(), appointment.id(), slot,
                            due.get(), MessageText.reminder(slot, place, link),
                            recipientOf(planOf.get(appointment.referralId()), appointment.referralId()), now);
                    if (notifications.insertOnce(reminder)) {
                        stored++;
                    }
                }
                Appointment lastSeen = booked.isEmpty() ? null : booked.get(booked.size() - 1);
                return new Batch(stored, booked.size(), lastSeen == null ? null : lastSeen.date(),
                        lastSeen == null ? null : lastSeen.id());
            });
            queued += batch.stored();
            if (batch.seen() < BATCH) {
                return queued;
            }
            afterDate = batch.lastDate();
            afterId = batch.lastId();
        }
    }

    /**
     * Recalls: plans ready to schedule whose next eligible date falls within the "due" window (as the due worklist
     * shows them) and whose patient was treated before (a first treatment is booked by the clinic from the referral,
     * not recalled). The cycle is named by the last treatment, so a patient is recalled once per treatment.
     */
    private int planRecalls(LocalDate today, OffsetDateTime now) {
        LocalDate dueBy = today.plusDays(scheduling.dueWithinDays());
        int queued = 0;
        TreatmentPlanRepository.After<LocalDate> after = null;
        while (true) {
            TreatmentPlanRepository.After<LocalDate> from = after;
            RecallBatch batch = QuarkusTransaction.requiringNew().call(() -> {
                List<TreatmentPlan> due = plans.readyToSchedule(today, dueBy, from, BATCH);
                Map<TreatmentPlan, String> owed = new LinkedHashMap<>();
                for (TreatmentPlan plan : due) {
                    if (plan.cadenceLastTreatmentDate() != null && plan.nextEligibleDate(today) != null) {
                        owed.put(plan, Notification.recallKey(plan.referralId(), plan.cadenceLastTreatmentDate()));
                    }
                }
                owed.values().removeAll(notifications.existingOnceKeys(owed.values()));
                int stored = 0;
                for (TreatmentPlan plan : owed.keySet()) {
                    LocalDate lastTreatment = plan.cadenceLastTreatmentDate();
                    LocalDate eligible = plan.nextEligibleDate(today);
                    Notification recall = Notification.recall(plan.referralId(), lastTreatment, eligible,
                            MessageText.recall(eligible, place), recipientOf(plan, plan.referralId()), now);
                    if (notifications.insertOnce(recall)) {
                        stored++;
                    }
                }
                TreatmentPlan lastSeen = due.isEmpty() ? null : due.get(due.size() - 1);
                return new RecallBatch(stored, due.size(), lastSeen == null ? null
                        : new TreatmentPlanRepository.After<>(lastSeen.nextEligibleDate(today), lastSeen.referralId()));
            });
            queued += batch.stored();
            if (batch.seen() < BATCH) {
                return queued;
            }
            after = batch.last();
        }
    }

    private Recipient recipientOf(TreatmentPlan plan, UUID referralId) {
        return contacts.forPlan(plan == null ? null : plan.patientId(), referralId)
                .map(ContactPreference::recipient)
                .orElse(Recipient.unreachable(Notification.NO_CONTACT_DETAILS));
    }

    private record Batch(int stored, int seen, LocalDate lastDate, UUID lastId) {
    }

    private record RecallBatch(int stored, int seen, TreatmentPlanRepository.After<LocalDate> last) {
    }
}
