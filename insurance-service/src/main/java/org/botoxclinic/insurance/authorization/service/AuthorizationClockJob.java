package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.insurance.authorization.domain.ApprovalWindow;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.events.AuthorizationExpired;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.time.Timestamps;
import org.jboss.logging.Logger;
import org.botoxclinic.platform.web.SkipWhenShuttingDown;

/**
 * The clocks nobody may miss: approvals past their last day expire, late payer decisions are flagged (and counted in
 * a gauge), and a treated patient's approval that ends soon gets its reauthorization case. Reads "now" from the
 * injectable clock, so tests call {@link #run()} after moving time.
 */
@Startup
@ApplicationScoped
public class AuthorizationClockJob {

    public static final String OVERDUE_GAUGE = "clinic.authorization.decisions.overdue";

    private static final Logger LOG = Logger.getLogger(AuthorizationClockJob.class);

    /** What one run changed. */
    public record Result(int expired, int overdue, int newlyFlagged, int reauthorizationsOpened) {
    }

    private final AuthorizationCaseRepository cases;
    private final Outbox outbox;
    private final CaseAudit audit;
    private final ReauthorizationService reauthorizations;
    private final AuthorizationConfig config;
    private final Clock clock;
    private final AtomicLong overdueDecisions = new AtomicLong();

    public AuthorizationClockJob(AuthorizationCaseRepository cases, Outbox outbox, CaseAudit audit,
                                 ReauthorizationService reauthorizations, AuthorizationConfig config, Clock clock,
                                 MeterRegistry meters) {
        this.cases = cases;
        this.outbox = outbox;
        this.audit = audit;
        this.reauthorizations = reauthorizations;
        this.config = config;
        this.clock = clock;
        Gauge.builder(OVERDUE_GAUGE, overdueDecisions, AtomicLong::get)
                .description("Authorization cases whose payer decision is past its due time")
                .register(meters);
    }

    @Scheduled(identity = "authorization-clocks", every = "${clinic.authorization-job.every:1m}",
            delayed = "${clinic.jobs.first-run-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = SkipWhenShuttingDown.class)
    void scheduled() {
        run();
    }

    /** One pass over the clocks; each case changes in its own transaction, so one failure does not hold up the rest. */
    public Result run() {
        OffsetDateTime now = Timestamps.now(clock);
        LocalDate today = LocalDate.now(clock);
        int opened = 0;
        LocalDate horizon = today.plusDays(config.reauthorizationLeadDays());
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> cases.reauthorizationCandidates(horizon))) {
            opened += perCase(id, () -> {
                AuthorizationCase c = cases.lockedById(id);
                return ApprovalWindow.reauthorizationDue(c.status(), c.usage().visits(), c.validTo(), today,
                                config.reauthorizationLeadDays())
                        .flatMap(reason -> reauthorizations.open(c, reason, now)).isPresent() ? 1 : 0;
            });
        }
        int expired = 0;
        for (UUID id : QuarkusTransaction.requiringNew().call(() -> cases.pastTheirWindow(today))) {
            expired += perCase(id, () -> {
                AuthorizationCase c = cases.lockedById(id);
                if (!c.status().grants() || !ApprovalWindow.expired(c.validTo(), today)) {
                    return 0;
                }
                c.expire(now);
                outbox.append(AuthorizationExpired.of(c, now));
                audit.record("EXPIRE", c);
                return 1;
            });
        }
        int flagged = 0;
        List<UUID> overdue = QuarkusTransaction.requiringNew().call(() -> cases.decisionsOverdue(now));
        for (UUID id : overdue) {
            flagged += perCase(id, () -> {
                AuthorizationCase c = cases.lockedById(id);
                if (!c.flagOverdue(now)) {
                    return 0;
                }
                audit.record("FLAG_OVERDUE", c);
                LOG.warnf("Payer decision on case %s is overdue since %s", c.id(), c.decisionDueAt());
                return 1;
            });
        }
        overdueDecisions.set(overdue.size());
        if (expired + flagged + opened > 0) {
            LOG.infof("Authorization clocks: %d expired, %d newly overdue (%d in all), %d reauthorization(s) opened",
                    expired, flagged, overdue.size(), opened);
        }
        return new Result(expired, overdue.size(), flagged, opened);
    }

    /** One case's change in its own transaction; a failure is logged and the case is retried on the next run. */
    private int perCase(UUID id, Callable<Integer> change) {
        try {
            return QuarkusTransaction.requiringNew().call(change);
        } catch (RuntimeException e) {
            LOG.warnf("Authorization clocks could not update case %s, next run retries: %s", id, e.getClass().getSimpleName());
            return 0;
        }
    }
}
