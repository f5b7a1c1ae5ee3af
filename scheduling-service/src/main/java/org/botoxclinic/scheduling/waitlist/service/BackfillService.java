package org.botoxclinic.scheduling.waitlist.service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.time.Timestamps;
import org.botoxclinic.scheduling.appointment.domain.BookingRefusal;
import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.SamePatient;
import org.botoxclinic.scheduling.appointment.repository.AppointmentRepository;
import org.botoxclinic.scheduling.clinicday.domain.AppointmentDurations;
import org.botoxclinic.scheduling.clinicday.domain.BookedSlot;
import org.botoxclinic.scheduling.clinicday.domain.CapacityFreed;
import org.botoxclinic.scheduling.clinicday.domain.ChairTime;
import org.botoxclinic.scheduling.clinicday.domain.ClinicDay;
import org.botoxclinic.scheduling.clinicday.domain.DaySlots;
import org.botoxclinic.scheduling.clinicday.domain.Slot;
import org.botoxclinic.scheduling.clinicday.domain.SlotWanted;
import org.botoxclinic.scheduling.clinicday.repository.ClinicDayRepository;
import org.botoxclinic.scheduling.clinicday.service.ClinicDayService;
import org.botoxclinic.scheduling.clinicday.service.ClinicDaySlots;
import org.botoxclinic.scheduling.config.SchedulingConfig;
import org.botoxclinic.scheduling.config.WaitlistConfig;
import org.botoxclinic.scheduling.plan.domain.TreatmentPlan;
import org.botoxclinic.scheduling.plan.repository.TreatmentPlanRepository;
import org.botoxclinic.scheduling.waitlist.domain.BackfillRules;
import org.botoxclinic.scheduling.waitlist.domain.Exclusion;
import org.botoxclinic.scheduling.waitlist.domain.OfferExpiry;
import org.botoxclinic.scheduling.waitlist.domain.OfferStatus;
import org.botoxclinic.scheduling.waitlist.domain.SkippedPatient;
import org.botoxclinic.scheduling.waitlist.domain.UnitsNeeded;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistEntry;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistOffer;
import org.botoxclinic.scheduling.waitlist.repository.WaitlistEntryRepository;
import org.botoxclinic.scheduling.waitlist.repository.WaitlistOfferRepository;
import org.jboss.logging.Logger;

/**
 * Offers freed chair time to the waiting patients: whenever time is freed on a day (an appointment cancelled or moved
 * away, capacity raised, a day added or reopened, resources added), and whenever an offer ends without a booking
 * (declined, expired, stale, withdrawn). The oldest waiting entry that wants the day and passes every rule gets the
 * first free slot that fits its appointment; then the next, while free time remains. Open offers hold their slot.
 *
 * <p>Runs inside the transaction that freed the time, under the waitlist's turn taken as that transaction's last lock
 * ({@link WaitlistOfferRepository#takeTurn}); it reads plans, appointments and the day without locking them. So two
 * cancellations on one day make their offers one after the other, the second seeing the first's, and the same event
 * handled twice offers nothing new: the free time is what is free minus what open offers hold. Whatever changes between
 * the offer and its acceptance is checked again then, under the booking's locks.
 */
@ApplicationScoped
public class BackfillService {

    private static final Logger LOG = Logger.getLogger(BackfillService.class);
    static final String RESOURCE = "waitlist-offer";

    private final WaitlistEntryRepository entries;
    private final WaitlistOfferRepository offers;
    private final TreatmentPlanRepository plans;
    private final AppointmentRepository appointments;
    private final ClinicDayRepository days;
    private final ClinicDayService clinicDays;
    private final ClinicDaySlots slots;
    private final AuditTrail audit;
    private final Clock clock;
    private final SchedulingConfig scheduling;
    private final WaitlistConfig config;

    public BackfillService(WaitlistEntryRepository entries, WaitlistOfferRepository offers, TreatmentPlanRepository plans,
                           AppointmentRepository appointments, ClinicDayRepository days, ClinicDayService clinicDays,
                           ClinicDaySlots slots, AuditTrail audit, Clock clock, SchedulingConfig scheduling,
                           WaitlistConfig config) {
        this.entries = entries;
        this.offers = offers;
        this.plans = plans;
        this.appointments = appointments;
        this.days = days;
        this.clinicDays = clinicDays;
        this.slots = slots;
        this.audit = audit;
        this.clock = clock;
        this.scheduling = scheduling;
        this.config = config;
    }

    /** Time was freed on a day, inside the transaction that freed it: offer it when anybody waits for that day. */
    void onCapacityFreed(@Observes CapacityFreed freed) {
        if (freed.date().isBefore(LocalDate.now(clock)) || !entries.anyWaitingFor(freed.date())) {
            return;
        }
        offers.takeTurn();
        offerFreeTime(freed.date(), freed.freed());
    }

    /** {@link #offerFreeTime(LocalDate, Slot)} without a particular slot to offer first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WaitlistOffer> offerFreeTime(LocalDate date) {
        return offerFreeTime(date, null);
    }

    /**
     * Offers the day's free time (what no appointment and no open offer holds) to the waiting patients, oldest entry
     * first, while some fits. A freed slot (the time a cancelled or moved appointment held, or an offer nobody took) is
     * offered itself first, at its time, chair and injector, when it fits the patient's duration; otherwise the
     * patient is offered the first free slot of the day. The caller holds the waitlist's turn. Returns the offers made.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<WaitlistOffer> offerFreeTime(LocalDate date, Slot freed) {
        LocalDate today = LocalDate.now(clock);
        Optional<ClinicDay> day = days.findByIdOptional(date);
        if (date.isBefore(today) || day.isEmpty() || !day.get().isOpen()) {
            return List.of();
        }
        List<WaitlistEntry> waiting = entries.waitingFor(date, config.candidatesPerDay());
        if (waiting.isEmpty()) {
            return List.of();
        }
        Queue queue = new Queue(date, day.get(), waiting);
        OffsetDateTime now = Timestamps.now(clock);
        AppointmentDurations durations = clinicDays.durations();
        int shortest = Stream.concat(durations.minutesByIndication().values().stream(), Stream.of(durations.defaultMinutes()))
                .mapToInt(Integer::intValue).min().orElse(durations.defaultMinutes());
        List<SkippedPatient> skipped = new ArrayList<>();
        List<WaitlistOffer> made = new ArrayList<>();
        for (WaitlistEntry entry : waiting) {
            DaySlots free = queue.freeTime();
            if (!queue.hasMinutesFor(shortest) || free.first(shortest, SlotWanted.ANY).isEmpty()) {
                break;
            }
            TreatmentPlan plan = queue.plans.get(entry.referralId());
            int duration = durations.of(plan.indication());
            Optional<Exclusion> excluded = BackfillRules.exclusion(queue.candidate(entry, plan, duration));
            Optional<Slot> slot = Optional.empty();
            if (excluded.isEmpty()) {
                if (freed != null && freed.date().equals(date)) {
                    slot = free.first(duration, new SlotWanted(freed.startTime(), freed.chair(), freed.providerId()));
                }
                if (slot.isEmpty()) {
                    slot = free.first(duration, SlotWanted.ANY);
                }
                if (slot.isEmpty()) {
                    excluded = Optional.of(new Exclusion(BookingRefusal.CLINIC_DAY_FULL, "no chair and injector are free "
                            + "together for the " + duration + " minutes the appointment needs on " + date));
                }
            }
            if (excluded.isPresent()) {
                skipped.add(new SkippedPatient(entry.id(), entry.referralId(), excluded.get()));
                continue;
            }
            OffsetDateTime expiresAt = OfferExpiry.of(now, config.offerAnswerWithin(), date, slot.get().startTime(),
                    clock.getZone());
            if (!expiresAt.isAfter(now)) {
                break;
            }
            WaitlistOffer offer = WaitlistOffer.make(entry, date, slot.get().startTime(), slot.get().endTime(),
                    slot.get().chair(), slot.get().providerId(), duration, expiresAt, skipped, now);
            offers.persist(offer);
            queue.offered(offer);
            made.add(offer);
            skipped.add(new SkippedPatient(entry.id(), entry.referralId(), new Exclusion(BackfillRules.OFFER_PENDING,
                    "offered " + date + " at " + slot.get().startTime() + " (offer " + offer.id() + ")")));
            audit.record("OFFER", RESOURCE, offer.id(), entry.referralId());
            LOG.infof("Waitlist offer %s made to referral %s for %s", offer.id(), entry.referralId(), date);
        }
        if (!made.isEmpty()) {
            offers.flush();
        }
        return made;
    }

    /** What the rules need to know of the waiting patients of one day, read once for all of them. */
    private final class Queue {

        private final LocalDate date;
        private final ClinicDay day;
        private final Map<UUID, TreatmentPlan> plans;
        private final Map<UUID, WaitlistEntryRepository.OpenAppointment> openAppointments;
        private final Map<UUID, Integer> lastDoses;
        private final Set<UUID> holdingOffers;
        private final Map<UUID, OfferStatus> answers;
        private final List<WaitlistOffer> openOffers;
        private final DaySlots booked;
        private final int bookedMinutes;

        Queue(LocalDate date, ClinicDay day, List<WaitlistEntry> waiting) {
            List<UUID> referralIds = waiting.stream().map(WaitlistEntry::referralId).toList();
            List<UUID> entryIds = waiting.stream().map(WaitlistEntry::id).toList();
            this.date = date;
            this.day = day;
            this.plans = BackfillService.this.plans.byReferral(referralIds);
            this.openAppointments = entries.openAppointments(referralIds);
            this.lastDoses = entries.lastDoses(referralIds);
            this.holdingOffers = new HashSet<>(offers.holdingOpenOffers(entryIds));
            this.answers = offers.answersOn(date, entryIds);
            this.openOffers = new ArrayList<>(offers.openOn(date));
            this.booked = slots.day(date, null);
            this.bookedMinutes = appointments.bookedMinutes(date, null);
        }

        /** The day as the booked appointments and the open offers leave it. */
        DaySlots freeTime() {
            List<BookedSlot> held = new ArrayList<>(booked.booked());
            for (WaitlistOffer o : openOffers) {
                held.add(new BookedSlot(o.id(), o.startTime(), o.durationMinutes(), o.chair(), o.providerId()));
            }
            return new DaySlots(date, booked.resources(), held, scheduling.slotStepMinutes());
        }

        /** Whether the day's capacity still has the minutes, counting what appointments and open offers hold. */
        boolean hasMinutesFor(int minutes) {
            return ChairTime.fits(day.capacityMinutes(), bookedMinutes + offeredMinutes(), minutes);
        }

        private int offeredMinutes() {
            return openOffers.stream().mapToInt(WaitlistOffer::durationMinutes).sum();
        }

        void offered(WaitlistOffer offer) {
            openOffers.add(offer);
            holdingOffers.add(offer.entryId());
        }

        /**
         * The booking request a booking of the patient on the day would make, with the minutes open offers hold counted
         * as booked; an open appointment later than the day is the one an accepted offer moves, one on or before it
         * makes the patient ALREADY_BOOKED.
         */
        BackfillRules.Candidate candidate(WaitlistEntry entry, TreatmentPlan plan, int duration) {
            WaitlistEntryRepository.OpenAppointment open = openAppointments.get(entry.referralId());
            boolean bookedNoLater = open != null && !open.date().isAfter(date);
            BookingRequest booking = new BookingRequest(date, plan.isBookable(), plan.authorization(), plan.visitsUsed(),
                    plan.cadenceLastTreatmentDate(), day.isOpen(), day.capacityMinutes(), bookedMinutes + offeredMinutes(),
                    duration, bookedNoLater);
            return new BackfillRules.Candidate(booking, scheduling.maxUnitsPer84Days(),
                    () -> appointments.dosesGiven(new SamePatient(plan.referralId(), plan.patientId(), plan.patient()), date),
                    UnitsNeeded.of(lastDoses.get(entry.referralId()), plan.authorization()),
                    holdingOffers.contains(entry.id()), answers.get(entry.id()));
        }
    }
}
