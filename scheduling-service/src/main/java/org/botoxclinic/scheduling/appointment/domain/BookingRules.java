package org.botoxclinic.scheduling.appointment.domain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.botoxclinic.platform.domain.RuleRefusedException;
import org.botoxclinic.scheduling.clinicday.domain.ChairTime;
import org.botoxclinic.scheduling.plan.domain.TreatmentCadence;

/**
 * The checks every booking and rescheduling passes, in the order the clinic agreed: the first that fails is the
 * one reported, so a scheduler always fixes the most fundamental problem first.
 */
public final class BookingRules {

    private static final List<Function<BookingRequest, Optional<BookingRefusal>>> CHAIN = List.of(
            BookingRules::authorized,
            BookingRules::insideWindow,
            BookingRules::visitsLeft,
            BookingRules::longEnoughSinceLastTreatment,
            BookingRules::clinicDay,
            BookingRules::room,
            BookingRules::notAlreadyBooked);

    private BookingRules() {
    }

    /** @throws RuleRefusedException with the first refusal's code, detail and properties */
    public static void requirePasses(BookingRequest r) {
        check(r).ifPresent(refusal -> {
            throw new RuleRefusedException(refusal.code(), refusal.detail(), refusal.properties());
        });
    }

    public static Optional<BookingRefusal> check(BookingRequest r) {
        for (Function<BookingRequest, Optional<BookingRefusal>> rule : CHAIN) {
            Optional<BookingRefusal> refusal = rule.apply(r);
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static Optional<BookingRefusal> authorized(BookingRequest r) {
        return r.authorization() != null && r.authorizationActive() ? Optional.empty()
                : Optional.of(BookingRefusal.of(BookingRefusal.NOT_AUTHORIZED, "the referral has no active authorization"));
    }

    private static Optional<BookingRefusal> insideWindow(BookingRequest r) {
        var a = r.authorization();
        return a.covers(r.date()) ? Optional.empty()
                : Optional.of(new BookingRefusal(BookingRefusal.OUTSIDE_AUTHORIZATION_WINDOW,
                        r.date() + " is outside the authorization window " + a.validFrom() + " to " + a.validTo(),
                        Map.of("validFrom", a.validFrom().toString(), "validTo", a.validTo().toString())));
    }

    private static Optional<BookingRefusal> visitsLeft(BookingRequest r) {
        return r.authorization().approvedVisits() - r.visitsUsed() > 0 ? Optional.empty()
                : Optional.of(BookingRefusal.of(BookingRefusal.NO_VISITS_LEFT, "the authorization has no visits left"));
    }

    private static Optional<BookingRefusal> longEnoughSinceLastTreatment(BookingRequest r) {
        if (TreatmentCadence.isLongEnoughSince(r.lastTreatmentDate(), r.date())) {
            return Optional.empty();
        }
        var earliest = TreatmentCadence.earliestAfter(r.lastTreatmentDate());
        return Optional.of(new BookingRefusal(BookingRefusal.TOO_SOON,
                "fewer than " + TreatmentCadence.MINIMUM_DAYS_BETWEEN_TREATMENTS + " days since the last treatment on "
                        + r.lastTreatmentDate() + "; the earliest date is " + earliest,
                Map.of("earliestDate", earliest.toString(), "lastTreatmentDate", r.lastTreatmentDate().toString())));
    }

    private static Optional<BookingRefusal> clinicDay(BookingRequest r) {
        return Boolean.TRUE.equals(r.clinicDayOpen()) ? Optional.empty()
                : Optional.of(BookingRefusal.of(BookingRefusal.NOT_A_CLINIC_DAY, r.date() + " is not an open clinic day"));
    }

    private static Optional<BookingRefusal> room(BookingRequest r) {
        if (ChairTime.fits(r.capacityMinutes(), r.bookedMinutes(), r.durationMinutes())) {
            return Optional.empty();
        }
        return Optional.of(new BookingRefusal(BookingRefusal.CLINIC_DAY_FULL,
                r.date() + " has " + ChairTime.available(r.capacityMinutes(), r.bookedMinutes())
                        + " chair minutes left and the appointment needs " + r.durationMinutes(),
                Map.of("availableMinutes", ChairTime.available(r.capacityMinutes(), r.bookedMinutes()),
                        "durationMinutes", r.durationMinutes())));
    }

    private static Optional<BookingRefusal> notAlreadyBooked(BookingRequest r) {
        return r.otherOpenAppointment()
                ? Optional.of(BookingRefusal.of(BookingRefusal.ALREADY_BOOKED, "the referral already has an open appointment"))
                : Optional.empty();
    }
}
