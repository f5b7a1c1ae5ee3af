package org.botoxclinic.scheduling.waitlist.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.BookingRules;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;

/**
 * Whether a waiting patient may be offered time on a date: every booking rule first (the same chain, in the same order,
 * as a booking: NOT_AUTHORIZED, OUTSIDE_AUTHORIZATION_WINDOW, NO_VISITS_LEFT, TOO_SOON, NOT_A_CLINIC_DAY,
 * CLINIC_DAY_FULL, ALREADY_BOOKED), then the dose limit, then what the waitlist itself remembers: the patient holds
 * another open offer, or already declined or let expire an offer of this date. The first rule that fails is the one
 * reported.
 */
public final class BackfillRules {

    /** The units still allowed on the date (400 U per 84 days, the patient's doses counted) are below the units needed. */
    public static final String DOSE_LIMIT = "DOSE_LIMIT";
    /** The patient holds an open offer already: one offer at a time per patient. */
    public static final String OFFER_PENDING = "OFFER_PENDING";
    /** The patient declined an offer of this date. */
    public static final String OFFER_DECLINED = "OFFER_DECLINED";
    /** The patient let an offer of this date expire. */
    public static final String OFFER_EXPIRED = "OFFER_EXPIRED";

    private BackfillRules() {
    }

    /**
     * What the rules look at for one waiting patient and one date.
     *
     * @param booking         the booking request as a booking of this patient on the date would make it (the chair time
     *                        held by open offers counted as booked; an appointment later than the date counted as the one
     *                        that would move)
     * @param maxUnits        the dose limit (units per 84 days)
     * @param dosesGiven      the patient's doses in the 84 days up to the date, across referrals (read only once the
     *                        booking rules pass)
     * @param unitsNeeded     what the next treatment needs ({@link UnitsNeeded})
     * @param holdsOpenOffer  whether the patient holds an open offer already
     * @param earlierAnswer   how the patient answered an earlier offer of this date (DECLINED, EXPIRED), or null
     */
    public record Candidate(BookingRequest booking, int maxUnits, Supplier<List<DoseLimit.GivenDose>> dosesGiven,
                            int unitsNeeded,
                            boolean holdsOpenOffer, OfferStatus earlierAnswer) {

        public LocalDate date() {
            return booking.date();
        }
    }

    public static Optional<Exclusion> exclusion(Candidate c) {
        Optional<Exclusion> refused = BookingRules.check(c.booking()).map(r -> new Exclusion(r.code(), r.detail()));
        if (refused.isPresent()) {
            return refused;
        }
        int allowed = DoseLimit.unitsAllowed(c.maxUnits(), c.dosesGiven().get(), c.date());
        if (allowed < c.unitsNeeded()) {
            return Optional.of(new Exclusion(DOSE_LIMIT, allowed + " units are allowed on " + c.date() + " (at most "
                    + c.maxUnits() + " within " + DoseLimit.WINDOW_DAYS + " days) and the plan needs " + c.unitsNeeded()));
        }
        if (c.holdsOpenOffer()) {
            return Optional.of(new Exclusion(OFFER_PENDING, "the patient holds another open offer"));
        }
        if (c.earlierAnswer() == OfferStatus.DECLINED) {
            return Optional.of(new Exclusion(OFFER_DECLINED, "the patient declined an offer of " + c.date()));
        }
        if (c.earlierAnswer() == OfferStatus.EXPIRED) {
            return Optional.of(new Exclusion(OFFER_EXPIRED, "the patient let an offer of " + c.date() + " expire"));
        }
        return Optional.empty();
    }
}
