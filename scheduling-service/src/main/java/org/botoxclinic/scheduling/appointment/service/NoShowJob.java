package org.botoxclinic.scheduling.appointment.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.AppointmentStatus;
import org.botoxclinic.scheduling.appointment.domain.NoShowRule;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.jboss.logging.Logger;

/** Nobody has to remember to mark no-shows: appointments still BOOKED after their day and a grace period are marked. */
@ApplicationScoped
public class NoShowJob {

    private static final Logger LOG = Logger.getLogger(NoShowJob.class);

    private final EntityManager em;
    private final Clock clock;
    private final Appointments appointments;
    private final AuditTrail audit;
    private final SchedulingConfig config;

    public NoShowJob(EntityManager em, Clock clock, Appointments appointments, AuditTrail audit, SchedulingConfig config) {
        this.em = em;
        this.clock = clock;
        this.appointments = appointments;
        this.audit = audit;
        this.config = config;
    }

    @Scheduled(every = "${clinic.scheduling.no-show-check-every:15m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        markMissed();
    }

    /** Marks what is missed at the clock's current instant; returns how many appointments it marked. */
    @Transactional
    public int markMissed() {
        Instant now = clock.instant();
        LocalDate lastMissed = NoShowRule.lastMissedDate(now, clock.getZone(), config.noShowGrace());
        List<Appointment> candidates = em.createQuery("""
                        from Appointment a where a.status = :booked and a.date <= :lastMissed order by a.date""",
                        Appointment.class)
                .setParameter("booked", AppointmentStatus.BOOKED)
                .setParameter("lastMissed", lastMissed)
                .setMaxResults(500)
                .getResultList();
        int marked = 0;
        for (Appointment appointment : candidates) {
            if (appointments.markMissed(appointment.id())) {
                audit.record("NO_SHOW", "appointment", appointment.id(), appointment.referralId());
                marked++;
            }
        }
        if (marked > 0) {
            LOG.infof("No-show job marked %d appointments", marked);
        }
        return marked;
    }
}
