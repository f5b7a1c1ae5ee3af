package org.botoxclinic.scheduling.waitlist.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.paging.Cursor;
import org.botoxclinic.platform.paging.Page;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.appointment.service.AppointmentLocks;
import org.botoxclinic.scheduling.plan.domain.PlanStatus;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.service.TreatmentPlanCancelled;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistEntry;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistOffer;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistStatus;
import org.botoxclinic.scheduling.waitlist.repository.WaitlistEntryRepository;
import org.botoxclinic.scheduling.waitlist.repository.WaitlistOfferRepository;
import org.jboss.logging.Logger;

/** Puts referrals on the waitlist for an earlier clinic day, shows the queue, and takes them off it. */
@ApplicationScoped
public class WaitlistService {

    private static final Logger LOG = Logger.getLogger(WaitlistService.class);
    public static final String RESOURCE = "waitlist-entry";
    public static final String ALREADY_WAITING = "ALREADY_WAITING";
    static final String LIST = "waitlist";
    private static final String REFERRAL_CANCELLED = "referral cancelled";
    private static final int BATCH = 500;

    /** A new entry, or the one a retried request finds. */
    public record Joined(WaitlistEntry entry, boolean created) {
    }

    private final WaitlistEntryRepository entries;
    private final WaitlistOfferRepository offers;
    private final AppointmentRepository appointments;
    private final AppointmentLocks locks;
    private final BackfillService backfill;
    private final AuditTrail audit;
    private final Clock clock;

    public WaitlistService(WaitlistEntryRepository entries, WaitlistOfferRepository offers,
                           AppointmentRepository appointments, AppointmentLocks locks, BackfillService backfill,
                           AuditTrail audit, Clock clock) {
        this.entries = entries;
        this.offers = offers;
        this.appointments = appointments;
        this.locks = locks;
        this.backfill = backfill;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Puts the referral on the waitlist for any open clinic day in the window. Its plan is locked first (as every change
     * to a referral's bookings does), then the waitlist's turn is taken; one waiting entry per referral: the same window
     * again returns it, another window is 409 ALREADY_WAITING. A referral booked already may wait for an earlier day
     * (the window must end before its appointment; accepting an offer moves the appointment). Nothing is offered at
     * once: the entry waits for time freed from now on.
     */
    @Transactional
    public Joined join(UUID referralId, LocalDate earliestDate, LocalDate latestDate) {
        TreatmentPlan plan = locks.plan(referralId);
        if (plan.status() == PlanStatus.CANCELLED) {
            throw new IllegalTransitionException("treatment plan", plan.status(), "put on the waitlist");
        }
        offers.takeTurn();
        var waiting = entries.waitingOf(referralId);
        if (waiting.isPresent()) {
            WaitlistEntry entry = waiting.get();
            if (!entry.sameWindow(earliestDate, latestDate)) {
                throw new ConflictException(ALREADY_WAITING, "the referral is already waiting from "
                        + entry.earliestDate() + " to " + entry.latestDate() + "; withdraw that entry first",
                        Map.of("entryId", entry.id().toString()));
            }
            audit.record("READ", RESOURCE, entry.id(), referralId);
            return new Joined(entry, false);
        }
        LocalDate bookedOn = appointments.openFor(referralId).stream().map(a -> a.date()).findFirst().orElse(null);
        WaitlistEntry entry = WaitlistEntry.join(referralId, earliestDate, latestDate, LocalDate.now(clock), bookedOn,
                Timestamps.now(clock));
        entries.persist(entry);
        entries.flush();
        audit.record("CREATE", RESOURCE, entry.id(), referralId);
        LOG.infof("Referral %s put on the waitlist (entry %s)", referralId, entry.id());
        return new Joined(entry, true);
    }

    @Transactional
    public WaitlistEntry get(UUID id) {
        WaitlistEntry entry = entries.findByIdOptional(id).orElseThrow(() -> new NotFoundException(WaitlistEntry.RESOURCE, id));
        audit.record("READ", RESOURCE, id, entry.referralId());
        return entry;
    }

    /** One page of the entries with the status (by default the waiting ones) and/or of a referral, in queue order. */
    @Transactional
    public Page<WaitlistEntry> list(WaitlistStatus status, UUID referralId, String cursor, int limit) {
        WaitlistEntryRepository.After after = null;
        if (cursor != null) {
            after = new WaitlistEntryRepository.After(Cursor.decode(cursor, LIST, 1).number(0));
        }
        Page<WaitlistEntry> page = Page.of(entries.page(status, referralId, after, limit + 1), limit,
                e -> Cursor.of(LIST, e.position()));
        page.items().forEach(e -> audit.record("READ", RESOURCE, e.id(), e.referralId()));
        return page;
    }

    /** Takes a waiting entry off the list (409 unless WAITING); its open offer is withdrawn and passed on. */
    @Transactional
    public WaitlistEntry withdraw(UUID id, String reason) {
        WaitlistEntry entry = entries.findByIdOptional(id).orElseThrow(() -> new NotFoundException(WaitlistEntry.RESOURCE, id));
        offers.takeTurn();
        withdraw(entries.lock(entry), reason, Timestamps.now(clock));
        return entry;
    }

    /**
     * The referral was cancelled: its waiting entry leaves the list (inside the cancelling transaction), after its
     * appointments were cancelled (a later priority), so that the waitlist's turn stays the transaction's last lock.
     */
    void onPlanCancelled(@Observes @Priority(Interceptor.Priority.APPLICATION + 900) TreatmentPlanCancelled cancelled) {
        var waiting = entries.waitingOf(cancelled.referralId());
        if (waiting.isEmpty()) {
            return;
        }
        offers.takeTurn();
        WaitlistEntry entry = entries.lock(waiting.get());
        if (entry.status() == WaitlistStatus.WAITING) {
            String reason = cancelled.reason() == null || cancelled.reason().isBlank() ? REFERRAL_CANCELLED : cancelled.reason();
            withdraw(entry, reason, Timestamps.now(clock));
        }
    }

    /** Entries whose last wanted date has passed leave the list (LAPSED); returns how many. */
    @Transactional
    public int lapsePast() {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = Timestamps.now(clock);
        var lapsed = entries.lapsedBefore(today, BATCH);
        if (lapsed.isEmpty()) {
            return 0;
        }
        offers.takeTurn();
        int count = 0;
        for (WaitlistEntry entry : lapsed) {
            if (entries.lock(entry).status() == WaitlistStatus.WAITING) {
                entry.lapse(now);
                audit.record("LAPSE", RESOURCE, entry.id(), entry.referralId());
                count++;
            }
        }
        return count;
    }

    private void withdraw(WaitlistEntry entry, String reason, OffsetDateTime now) {
        entry.withdraw(reason, now);
        audit.record("WITHDRAW", RESOURCE, entry.id(), entry.referralId());
        LOG.infof("Waitlist entry %s of referral %s withdrawn", entry.id(), entry.referralId());
        var open = offers.openOf(entry.id());
        if (open.isPresent()) {
            WaitlistOffer offer = offers.lock(open.get());
            offer.withdraw(now);
            offers.flush();
            audit.record("WITHDRAW", BackfillService.RESOURCE, offer.id(), offer.referralId());
            backfill.offerFreeTime(offer.date(), offer.slot());
        }
    }
}
