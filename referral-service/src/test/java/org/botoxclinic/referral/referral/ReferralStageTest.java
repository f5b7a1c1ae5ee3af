package org.botoxclinic.referral.referral;

import static org.botoxclinic.referral.referral.domain.ReferralProgress.APPOINTMENT_CANCELLED;
import static org.botoxclinic.referral.referral.domain.ReferralProgress.APPOINTMENT_SCHEDULED;
import static org.botoxclinic.referral.referral.domain.ReferralProgress.AUTHORIZATION_APPROVED;
import static org.botoxclinic.referral.referral.domain.ReferralProgress.AUTHORIZATION_DENIED;
import static org.botoxclinic.referral.referral.domain.ReferralProgress.AUTHORIZATION_SUBMITTED;
import static org.botoxclinic.referral.referral.domain.ReferralProgress.NO_SHOW;
import static org.botoxclinic.referral.referral.domain.ReferralProgress.TREATMENT_COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.referral.referral.domain.Indication;
import org.botoxclinic.referral.referral.domain.Patient;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.domain.ReferralProgress;
import org.botoxclinic.referral.referral.domain.ReferralSource;
import org.botoxclinic.referral.referral.domain.ReferralStage;
import org.botoxclinic.referral.referral.domain.ReferringProvider;
import org.botoxclinic.referral.referral.domain.Sex;
import org.botoxclinic.referral.referral.domain.Urgency;
import org.junit.jupiter.api.Test;

/** The referral keeps its stage as it changes and as it notes what the other services report. */
class ReferralStageTest {

    /** Any instant: the rule reads no clock, only the order of what happened. */
    private static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 2, 14, 0, 0, 0, ZoneOffset.UTC);

    private static Referral received() {
        return Referral.receive(ReferralSource.PARTNER, "pcp-north", "EXT-1", null, "hash", Indication.CHRONIC_MIGRAINE,
                Urgency.ROUTINE, List.of("G43.709"),
                new Patient("Alex", "Rivera", LocalDate.of(1984, 5, 17), Sex.FEMALE, "555-0100", null, null),
                java.util.UUID.randomUUID(), new ReferringProvider("1234567893", "Dr. Lee", null, null, null),
                new Coverage("AETNA", "Aetna", "W123456789", null, null), null, null, "tester", T0);
    }

    /** An accepted referral that then notes the given progress, an hour apart each. */
    private static ReferralStage accepted(ReferralProgress... reported) {
        Referral referral = received();
        referral.accept(T0);
        note(referral, reported);
        return referral.stage();
    }

    private static void note(Referral referral, ReferralProgress... reported) {
        for (int i = 0; i < reported.length; i++) {
            referral.noteProgress(reported[i], T0.plusHours(i + 1));
        }
    }

    @Test
    void shouldFollowAnAcceptedReferralToTreatment() {
        assertEquals(ReferralStage.AWAITING_AUTHORIZATION, accepted());
        assertEquals(ReferralStage.AWAITING_AUTHORIZATION, accepted(AUTHORIZATION_SUBMITTED));
        assertEquals(ReferralStage.AUTHORIZED, accepted(AUTHORIZATION_SUBMITTED, AUTHORIZATION_APPROVED));
        assertEquals(ReferralStage.SCHEDULED, accepted(AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED));
        assertEquals(ReferralStage.TREATED, accepted(AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED, TREATMENT_COMPLETED));
    }

    @Test
    void shouldGoBackToAuthorizedWhenAnAppointmentIsCancelledAndShowNoShows() {
        assertEquals(ReferralStage.AUTHORIZED, accepted(AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED, APPOINTMENT_CANCELLED));
        assertEquals(ReferralStage.NO_SHOW, accepted(AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED, NO_SHOW));
        // Without an approval, a cancelled appointment leaves the referral waiting for one.
        assertEquals(ReferralStage.AWAITING_AUTHORIZATION,
                accepted(AUTHORIZATION_SUBMITTED, APPOINTMENT_SCHEDULED, APPOINTMENT_CANCELLED));
        // An approval counts even after a later denial.
        assertEquals(ReferralStage.AUTHORIZED, accepted(AUTHORIZATION_APPROVED, AUTHORIZATION_DENIED, APPOINTMENT_SCHEDULED,
                APPOINTMENT_CANCELLED));
    }

    @Test
    void shouldShowADenialUntilTheCaseIsSubmittedAgain() {
        assertEquals(ReferralStage.AUTHORIZATION_DENIED, accepted(AUTHORIZATION_SUBMITTED, AUTHORIZATION_DENIED));
        assertEquals(ReferralStage.AWAITING_AUTHORIZATION,
                accepted(AUTHORIZATION_SUBMITTED, AUTHORIZATION_DENIED, AUTHORIZATION_SUBMITTED));
    }

    @Test
    void shouldFollowTheStatusBeforeAcceptance() {
        Referral received = received();
        assertEquals(ReferralStage.IN_TRIAGE, received.stage());
        received.requestInformation("Diary?", T0);
        assertEquals(ReferralStage.AWAITING_INFORMATION, received.stage());
        received.provideInformation("Attached", null, null, T0);
        assertEquals(ReferralStage.IN_TRIAGE, received.stage());

        Referral declined = received();
        declined.decline("episodic", T0);
        assertEquals(ReferralStage.DECLINED, declined.stage());

        Referral cancelled = received();
        cancelled.accept(T0);
        note(cancelled, AUTHORIZATION_APPROVED);
        cancelled.cancel("patient moved away", T0.plusDays(1));
        assertEquals(ReferralStage.CANCELLED, cancelled.stage());
        // What the other services report after the cancellation (appointments cancelled with it) changes nothing.
        cancelled.noteProgress(APPOINTMENT_CANCELLED, T0.plusDays(2));
        assertEquals(ReferralStage.CANCELLED, cancelled.stage());
    }

    @Test
    void shouldKeepTheLatestProgressWhenAnOlderReportArrivesLate() {
        Referral referral = received();
        referral.accept(T0);
        referral.noteProgress(TREATMENT_COMPLETED, T0.plusDays(30));
        referral.noteProgress(AUTHORIZATION_APPROVED, T0.plusDays(2));
        assertEquals(ReferralStage.TREATED, referral.stage());
        // The late approval still counts for what comes after.
        referral.noteProgress(APPOINTMENT_CANCELLED, T0.plusDays(31));
        assertEquals(ReferralStage.AUTHORIZED, referral.stage());
    }
}
