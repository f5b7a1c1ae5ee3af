package org.botoxclinic.scheduling.waitlist.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.web.SkipWhenShuttingDown;

/** Nobody has to chase unanswered offers: overdue ones expire and pass their time on; entries past their window lapse. */
@ApplicationScoped
public class WaitlistJob {

    private final WaitlistOfferService offers;
    private final WaitlistService waitlist;

    public WaitlistJob(WaitlistOfferService offers, WaitlistService waitlist) {
        this.offers = offers;
        this.waitlist = waitlist;
    }

    @Scheduled(every = "${clinic.waitlist.check-every:1m}", delayed = "${clinic.jobs.first-run-after}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SkipWhenShuttingDown.class)
    void run() {
        runOnce();
    }

    /** Expires overdue offers (each passed on), then lapses past entries; returns the offers expired. */
    public int runOnce() {
        int expired = offers.expireDue();
        waitlist.lapsePast();
        return expired;
    }
}
