package org.botoxclinic.scheduling.appointment.service;

import java.time.Clock;
import java.time.LocalDate;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.NoShowRule;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.jboss.logging.Logger;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;

/** Nobody has to remember to mark no-shows: appointments still BOOKED after their day and a grace period are marked. */
@ApplicationScoped
public class NoShowJob {

    private static final Logger LOG = Logger.getLogger(NoShowJob.class);
    /** At most this many appointments per run; the next run takes the rest. */
    private static final int BATCH = 500;

    private final AppointmentRepository appointments;
    private final AppointmentService appointmentService;
    private final Clock clock;
    private final SchedulingConfig config;

    public NoShowJob(AppointmentRepository appointments, AppointmentService appointmentService, Clock clock,
                     SchedulingConfig config) {
        this.appointments = appointments;
        this.appointmentService = appointmentService;
        this.clock = clock;
        this.config = config;
    }

    @Scheduled(every = "${clinic.scheduling.no-show-check-every:15m}", delayed = "${clinic.jobs.first-run-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SkipWhenShuttingDown.class)
    void run() {
        markMissed();
    }

    /** Marks what is missed at the clock's current instant; returns how many appointments it marked. */
    @Transactional
    public int markMissed() {
        LocalDate lastMissed = NoShowRule.lastMissedDate(clock.instant(), clock.getZone(), config.noShowGrace());
        int marked = 0;
        for (Appointment appointment : appointments.bookedUpTo(lastMissed, BATCH)) {
            if (appointmentService.markMissed(appointment.id())) {
                marked++;
            }
        }
        if (marked > 0) {
            LOG.infof("No-show job marked %d appointments", marked);
        }
        return marked;
    }
}
