package org.botoxclinic.scheduling.waitlist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.botoxclinic.platform.domain.IllegalTransitionException;
import org.botoxclinic.platform.domain.InvalidInputException;
import org.botoxclinic.scheduling.appointment.domain.BookingRequest;
import org.botoxclinic.scheduling.appointment.domain.DoseLimit;
import org.botoxclinic.scheduling.plan.domain.Authorization;
import org.botoxclinic.scheduling.waitlist.domain.BackfillRules;
import org.botoxclinic.scheduling.waitlist.domain.Exclusion;
import org.botoxclinic.scheduling.waitlist.domain.OfferExpiry;
import org.botoxclinic.scheduling.waitlist.domain.OfferStatus;
import org.botoxclinic.scheduling.waitlist.domain.UnitsNeeded;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistEntry;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistOffer;
import org.botoxclinic.scheduling.waitlist.domain.WaitlistStatus;
import org.junit.jupiter.api.Test;

/** The waitlist's rules in plain Java, on both sides of each boundary. */
class BackfillRulesTest {

    private static final LocalDate DAY = LocalDate.of(2027, 3, 17);
    private static final OffsetDateTime NOW = OffsetDateTime.of(2027, 3, 1, 15, 0, 0, 0, ZoneOffset.UTC);
    private static final Authorization AUTH = new Authorization(UUID.randomUUID(), "A-1", DAY.minusDays(30),
            DAY.plusDays(30), 2, 310);

    private static BookingRequest booking(Authorization auth, int visitsUsed, LocalDate lastTreatment) {
        return new BookingRequest(DAY, true, auth, visitsUsed, lastTreatment, true, 720, 0, 30, false);
    }

    private static BackfillRules.Candidate candidate(BookingRequest booking, List<DoseLimit.GivenDose> doses, int needed,
                                                     boolean holding, OfferStatus answer) {
        return new BackfillRules.Candidate(booking, 400, () -> doses, needed, holding, answer);
    }

    private static Optional<String> rule(BackfillRules.Candidate c) {
        return BackfillRules.exclusion(c).map(Exclusion::rule);
    }

    private static Optional<String> rule(BookingRequest booking) {
        return rule(candidate(booking, List.of(), 155, false, null));
    }

    @Test
    void shouldOfferAPatientEveryRuleLetsIn() {
        assertEquals(Optional.empty(), rule(booking(AUTH, 0, null)));
    }

    @Test
    void shouldExcludeWithTheBookingRulesInTheirOrder() {
        assertEquals(Optional.of("NOT_AUTHORIZED"), rule(new BookingRequest(DAY, false, AUTH, 0, null, true, 720, 0, 30, false)));
        assertEquals(Optional.of("NOT_AUTHORIZED"), rule(booking(null, 0, null)));
        assertEquals(Optional.of("NOT_A_CLINIC_DAY"), rule(new BookingRequest(DAY, true, AUTH, 0, null, false, 720, 0, 30, false)));
        assertEquals(Optional.of("CLINIC_DAY_FULL"), rule(new BookingRequest(DAY, true, AUTH, 0, null, true, 720, 700, 30, false)));
        assertEquals(Optional.of("ALREADY_BOOKED"), rule(new BookingRequest(DAY, true, AUTH, 0, null, true, 720, 0, 30, true)));
        // the earlier rule is the one reported
        assertEquals(Optional.of("NO_VISITS_LEFT"), rule(booking(AUTH, 2, DAY.minusDays(1))));
    }

    @Test
    void shouldHonourTheAuthorizationWindowOnBothEdges() {
        Authorization startsOnTheDay = new Authorization(UUID.randomUUID(), "A", DAY, DAY.plusDays(60), 2, 310);
        Authorization endsOnTheDay = new Authorization(UUID.randomUUID(), "A", DAY.minusDays(60), DAY, 2, 310);
        Authorization startsTheDayAfter = new Authorization(UUID.randomUUID(), "A", DAY.plusDays(1), DAY.plusDays(60), 2, 310);
        Authorization endedTheDayBefore = new Authorization(UUID.randomUUID(), "A", DAY.minusDays(60), DAY.minusDays(1), 2, 310);
        assertEquals(Optional.empty(), rule(booking(startsOnTheDay, 0, null)));
        assertEquals(Optional.empty(), rule(booking(endsOnTheDay, 0, null)));
        assertEquals(Optional.of("OUTSIDE_AUTHORIZATION_WINDOW"), rule(booking(startsTheDayAfter, 0, null)));
        assertEquals(Optional.of("OUTSIDE_AUTHORIZATION_WINDOW"), rule(booking(endedTheDayBefore, 0, null)));
    }

    @Test
    void shouldOfferWithOneVisitLeftAndNotWithNone() {
        assertEquals(Optional.empty(), rule(booking(AUTH, 1, null)));
        assertEquals(Optional.of("NO_VISITS_LEFT"), rule(booking(AUTH, 2, null)));
    }

    @Test
    void shouldOfferExactly84DaysAfterTheLastTreatmentAndNot83() {
        assertEquals(Optional.empty(), rule(booking(AUTH, 0, DAY.minusDays(84))));
        assertEquals(Optional.of("TOO_SOON"), rule(booking(AUTH, 0, DAY.minusDays(83))));
    }

    @Test
    void shouldExcludeWhenTheUnitsAllowedOnTheDayAreBelowWhatThePlanNeeds() {
        List<DoseLimit.GivenDose> gave245 = List.of(new DoseLimit.GivenDose(DAY.minusDays(83), 245));
        assertEquals(Optional.empty(), rule(candidate(booking(AUTH, 0, null), gave245, 155, false, null)));
        assertEquals(Optional.of(BackfillRules.DOSE_LIMIT), rule(candidate(booking(AUTH, 0, null), gave245, 156, false, null)));
        // a dose given 84 days before no longer counts
        List<DoseLimit.GivenDose> gave400Long = List.of(new DoseLimit.GivenDose(DAY.minusDays(84), 400));
        assertEquals(Optional.empty(), rule(candidate(booking(AUTH, 0, null), gave400Long, 400, false, null)));
        Exclusion dose = BackfillRules.exclusion(candidate(booking(AUTH, 0, null), gave245, 156, false, null)).orElseThrow();
        assertTrue(dose.detail().contains("155 units are allowed"), dose.detail());
    }

    @Test
    void shouldNotReadTheDosesWhenABookingRuleExcludesAlready() {
        var c = new BackfillRules.Candidate(booking(AUTH, 2, null), 400, () -> {
            throw new AssertionError("doses read");
        }, 155, false, null);
        assertEquals(Optional.of("NO_VISITS_LEFT"), rule(c));
    }

    @Test
    void shouldExcludeAPatientHoldingAnOfferOrWhoAnsweredThisDate() {
        assertEquals(Optional.of(BackfillRules.OFFER_PENDING), rule(candidate(booking(AUTH, 0, null), List.of(), 155, true, null)));
        assertEquals(Optional.of(BackfillRules.OFFER_DECLINED),
                rule(candidate(booking(AUTH, 0, null), List.of(), 155, false, OfferStatus.DECLINED)));
        assertEquals(Optional.of(BackfillRules.OFFER_EXPIRED),
                rule(candidate(booking(AUTH, 0, null), List.of(), 155, false, OfferStatus.EXPIRED)));
    }

    @Test
    void shouldNeedTheLastDoseOrElseTheApprovedUnitsPerVisit() {
        assertEquals(200, UnitsNeeded.of(200, AUTH));
        assertEquals(155, UnitsNeeded.of(null, AUTH));
        assertEquals(104, UnitsNeeded.of(null, new Authorization(UUID.randomUUID(), "A", DAY, DAY, 3, 310)));
        assertEquals(0, UnitsNeeded.of(null, null));
    }

    @Test
    void shouldExpireAfterTheAnswerTimeButNeverAfterTheOfferedStart() {
        ZoneId zone = ZoneId.of("America/New_York");
        assertEquals(NOW.plusHours(24), OfferExpiry.of(NOW, Duration.ofHours(24), DAY, LocalTime.of(9, 0), zone));
        LocalDate tomorrow = NOW.atZoneSameInstant(zone).toLocalDate().plusDays(1);
        OffsetDateTime startsAt = tomorrow.atTime(9, 0).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        assertEquals(startsAt, OfferExpiry.of(NOW, Duration.ofHours(24), tomorrow, LocalTime.of(9, 0), zone));
    }

    @Test
    void shouldRefuseAWindowThatIsNotAheadOrNotBeforeTheBookedDay() {
        LocalDate today = DAY.minusDays(10);
        assertEquals(WaitlistStatus.WAITING, WaitlistEntry.join(UUID.randomUUID(), today, today, today, null, NOW).status());
        assertEquals("earliestDate", field(() -> WaitlistEntry.join(UUID.randomUUID(), today.minusDays(1), DAY, today, null, NOW)));
        assertEquals("latestDate", field(() -> WaitlistEntry.join(UUID.randomUUID(), DAY, DAY.minusDays(1), today, null, NOW)));
        assertEquals("latestDate", field(() -> WaitlistEntry.join(UUID.randomUUID(), today, today.plusDays(401), today, null, NOW)));
        WaitlistEntry.join(UUID.randomUUID(), today, today.plusDays(400), today, null, NOW);
        WaitlistEntry.join(UUID.randomUUID(), today, DAY.minusDays(1), today, DAY, NOW);
        assertEquals("latestDate", field(() -> WaitlistEntry.join(UUID.randomUUID(), today, DAY, today, DAY, NOW)));
    }

    @Test
    void shouldWantOnlyTheDatesOfItsWindowBothEdgesIncluded() {
        WaitlistEntry entry = WaitlistEntry.join(UUID.randomUUID(), DAY, DAY.plusDays(7), DAY.minusDays(1), null, NOW);
        assertFalse(entry.wants(DAY.minusDays(1)));
        assertTrue(entry.wants(DAY));
        assertTrue(entry.wants(DAY.plusDays(7)));
        assertFalse(entry.wants(DAY.plusDays(8)));
    }

    @Test
    void shouldEndAnOfferOnceAndRefuseEveryLaterChangeNamingItsStatus() {
        WaitlistEntry entry = WaitlistEntry.join(UUID.randomUUID(), DAY, DAY, DAY.minusDays(1), null, NOW);
        WaitlistOffer offer = WaitlistOffer.make(entry, DAY, LocalTime.of(9, 0), LocalTime.of(9, 30), "chair-1",
                "injector-1", 30, NOW.plusHours(24), List.of(), NOW);
        assertFalse(offer.isDue(NOW.plusHours(24).minusSeconds(1)));
        assertTrue(offer.isDue(NOW.plusHours(24)));
        offer.decline(NOW);
        assertEquals(OfferStatus.DECLINED, offer.status());
        assertFalse(offer.isDue(NOW.plusDays(2)));
        IllegalTransitionException refused = assertThrows(IllegalTransitionException.class,
                () -> offer.accept(UUID.randomUUID(), NOW));
        assertEquals("DECLINED", refused.currentStatus());
        for (OfferStatus end : List.of(OfferStatus.ACCEPTED, OfferStatus.DECLINED, OfferStatus.EXPIRED, OfferStatus.STALE,
                OfferStatus.WITHDRAWN)) {
            for (OfferStatus next : OfferStatus.values()) {
                assertFalse(end.canBecome(next), end + " -> " + next);
            }
        }
        entry.withdraw("moved away", NOW);
        assertEquals("WITHDRAWN", assertThrows(IllegalTransitionException.class, () -> entry.lapse(NOW)).currentStatus());
    }

    private static String field(Runnable call) {
        return assertThrows(InvalidInputException.class, call::run).fieldMessages().keySet().iterator().next();
    }
}
