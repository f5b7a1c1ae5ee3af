package org.botoxclinic.scheduling.waitlist.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.Appointment;
import org.botoxclinic.scheduling.appointment.domain.BookingRefusal;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;
import org.botoxclinic.scheduling.appointment.domain.SamePatient;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.appointment.service.AppointmentBookingService;
import org.botoxclinic.scheduling.appointment.service.AppointmentLocks;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.botoxclinic.scheduling.waitlist.domain.BackfillRules;
import org.botoxclinic.scheduling.waitlist.domain.UnitsNeeded;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistEntry;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistOffer;
import org.botoxclinic.scheduling.waitlist.repository.WaitlistEntryRepository;
import org.botoxclinic.scheduling.waitlist.repository.WaitlistOfferRepository;
import org.jboss.logging.Logger;

/**
 * The transactions of an offer's acceptance, each its own: the booking, and, when a rule refuses it, the offer's end
 * and the time passed on. Separate so that a refused booking rolls back all it did while the refusal is still recorded.
 */
@ApplicationScoped
public class OfferAcceptance {

    private static final Logger LOG = Logger.getLogger(OfferAcceptance.class);

    /** The offer's time to answer was over when it was accepted. */
    static final class OfferExpired extends RuntimeException {
        OfferExpired() {
            super(null, null, false, false);
        }
    }

    private final WaitlistOfferRepository offers;
    private final WaitlistEntryRepository entries;
    private final TreatmentPlanRepository plans;
    private final AppointmentRepository appointments;
    private final AppointmentLocks locks;
    private final AppointmentBookingService booking;
    private final BackfillService backfill;
    private final AuditTrail audit;
    private final Clock clock;
    private final SchedulingConfig scheduling;

    public OfferAcceptance(WaitlistOfferRepository offers, WaitlistEntryRepository entries, TreatmentPlanRepository plans,
                           AppointmentRepository appointments, AppointmentLocks locks, AppointmentBookingService booking,
                           BackfillService backfill, AuditTrail audit, Clock clock, SchedulingConfig scheduling) {
        this.offers = offers;
        this.entries = entries;
        this.plans = plans;
        this.appointments = appointments;
        this.locks = locks;
        this.booking = booking;
        this.backfill = backfill;
        this.audit = audit;
        this.clock = clock;
        this.scheduling = scheduling;
    }

    /**
     * Books the offered slot, re-running every rule under the locks, in the order {@link AppointmentLocks} documents:
     * the patient's turn (the dose limit is read under it), the plan, the appointment being moved if any, the day (taken
     * by the booking), and last the waitlist's turn, under which the offer must still be OPEN. A referral with a later
     * open appointment has it moved to the offered slot; one without is booked.
     *
     * @throws OfferExpired when the offer's time to answer is over (nothing booked)
     * @throws RuleRefusedException or a {@link org.botoxclinic.platform.domain.ConflictException} when a booking rule
     *                              or the slot refuses (nothing booked)
     * @throws IllegalTransitionException when the offer is no longer OPEN
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Appointment book(UUID offerId) {
        WaitlistOffer offer = offers.findByIdOptional(offerId)
                .orElseThrow(() -> new NotFoundException(WaitlistOffer.RESOURCE, offerId));
        if (!offer.isOpen()) {
            throw new IllegalTransitionException(WaitlistOffer.RESOURCE, offer.status(), "accepted");
        }
        OffsetDateTime now = Timestamps.now(clock);
        if (offer.isDue(now)) {
            throw new OfferExpired();
        }
        UUID referralId = offer.referralId();
        plans.takeTurn(referralId, plans.patientIdOf(referralId));
        TreatmentPlan plan = locks.plan(referralId);
        plans.takeTurn(referralId, plan.patientId());
        requireDoseAllows(plan, offer.date());
        Appointment appointment = appointments.openFor(referralId).stream().findFirst()
                .map(open -> moveEarlier(open, offer))
                .orElseGet(() -> booking.book(referralId, offer.date(), offer.startTime(), offer.chair(), offer.providerId()));
        offers.takeTurn();
        offers.lock(offer).accept(appointment.id(), now);
        WaitlistEntry entry = entries.lock(entries.findById(offer.entryId()));
        entry.booked(appointment.id(), now);
        audit.record("ACCEPT", BackfillService.RESOURCE, offer.id(), referralId);
        LOG.infof("Waitlist offer %s accepted: appointment %s for referral %s", offer.id(), appointment.id(), referralId);
        return appointment;
    }

    /** Ends an open offer that could not be booked (STALE, with the refusing rule) and passes its time on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean stale(UUID offerId, String rule, String detail) {
        return end(offerId, offer -> {
            offer.stale(rule, detail, Timestamps.now(clock));
            return true;
        }, "STALE");
    }

    /** Ends an open offer whose time to answer is over (EXPIRED) and passes its time on. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean expire(UUID offerId) {
        return end(offerId, offer -> {
            OffsetDateTime now = Timestamps.now(clock);
            if (!offer.isDue(now)) {
                return false;
            }
            offer.expire(now);
            return true;
        }, "EXPIRE");
    }

    /** Under the waitlist's turn: ends the offer when it is still open and the ending agrees, then passes its time on. */
    private boolean end(UUID offerId, Predicate<WaitlistOffer> ending, String action) {
        WaitlistOffer offer = offers.findByIdOptional(offerId)
                .orElseThrow(() -> new NotFoundException(WaitlistOffer.RESOURCE, offerId));
        offers.takeTurn();
        offers.lock(offer);
        if (!offer.isOpen() || !ending.test(offer)) {
            return false;
        }
        offers.flush();
        audit.record(action, BackfillService.RESOURCE, offer.id(), offer.referralId());
        LOG.infof("Waitlist offer %s of referral %s ended: %s", offer.id(), offer.referralId(), offer.status());
        backfill.offerFreeTime(offer.date(), offer.slot());
        return true;
    }

    /** Waiting is for an earlier day: an open appointment on or before the offered date is not moved. */
    private Appointment moveEarlier(Appointment open, WaitlistOffer offer) {
        if (!open.date().isAfter(offer.date())) {
            throw new RuleRefusedException(BookingRefusal.ALREADY_BOOKED, "the referral already has an open appointment"
                    + " on " + open.date() + ", not later than the offered " + offer.date(),
                    Map.of("appointmentId", open.id().toString(), "date", open.date().toString()));
        }
        return booking.reschedule(open.id(), offer.date(), offer.startTime(), offer.chair(), offer.providerId());
    }

    /** The dose limit on the offered day, read under the patient's turn: what the plan needs must still be allowed. */
    private void requireDoseAllows(TreatmentPlan plan, LocalDate date) {
        int max = scheduling.maxUnitsPer84Days();
        var history = appointments.dosesGiven(new SamePatient(plan.referralId(), plan.patientId(), plan.patient()), date);
        int allowed = DoseLimit.unitsAllowed(max, history, date);
        int needed = UnitsNeeded.of(entries.lastDoses(java.util.List.of(plan.referralId())).get(plan.referralId()),
                plan.authorization());
        if (allowed < needed) {
            throw new RuleRefusedException(BackfillRules.DOSE_LIMIT, allowed + " units are allowed on " + date
                    + " (at most " + max + " within " + DoseLimit.WINDOW_DAYS + " days) and the plan needs " + needed,
                    Map.of("unitsAllowed", allowed, "unitsNeeded", needed));
        }
    }
}
