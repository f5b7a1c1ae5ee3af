package org.botoxclinic.referral.timeline;

import static org.botoxclinic.referral.timeline.domain.TimelineType.ACCEPTED;
import static org.botoxclinic.referral.timeline.domain.TimelineType.APPOINTMENT_CANCELLED;
import static org.botoxclinic.referral.timeline.domain.TimelineType.APPOINTMENT_SCHEDULED;
import static org.botoxclinic.referral.timeline.domain.TimelineType.AUTHORIZATION_APPROVED;
import static org.botoxclinic.referral.timeline.domain.TimelineType.AUTHORIZATION_DENIED;
import static org.botoxclinic.referral.timeline.domain.TimelineType.AUTHORIZATION_SUBMITTED;
import static org.botoxclinic.referral.timeline.domain.TimelineType.NO_SHOW;
import static org.botoxclinic.referral.timeline.domain.TimelineType.RECEIVED;
import static org.botoxclinic.referral.timeline.domain.TimelineType.TREATMENT_COMPLETED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.botoxclinic.referral.referral.domain.ReferralStatus;
import org.botoxclinic.referral.timeline.domain.ReferralStage;
import org.junit.jupiter.api.Test;

class ReferralStageTest {

    @Test
    void shouldFollowAnAcceptedReferralToTreatment() {
        assertEquals(ReferralStage.AWAITING_AUTHORIZATION, ReferralStage.of(ReferralStatus.ACCEPTED, List.of(RECEIVED, ACCEPTED)));
        assertEquals(ReferralStage.AWAITING_AUTHORIZATION,
                ReferralStage.of(ReferralStatus.ACCEPTED, List.of(ACCEPTED, AUTHORIZATION_SUBMITTED)));
        assertEquals(ReferralStage.AUTHORIZED,
                ReferralStage.of(ReferralStatus.ACCEPTED, List.of(ACCEPTED, AUTHORIZATION_SUBMITTED, AUTHORIZATION_APPROVED)));
        assertEquals(ReferralStage.SCHEDULED, ReferralStage.of(ReferralStatus.ACCEPTED,
                List.of(ACCEPTED, AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED)));
        assertEquals(ReferralStage.TREATED, ReferralStage.of(ReferralStatus.ACCEPTED,
                List.of(ACCEPTED, AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED, TREATMENT_COMPLETED)));
    }

    @Test
    void shouldGoBackToAuthorizedWhenAnAppointmentIsCancelledAndShowNoShows() {
        assertEquals(ReferralStage.AUTHORIZED, ReferralStage.of(ReferralStatus.ACCEPTED,
                List.of(AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED, APPOINTMENT_CANCELLED)));
        assertEquals(ReferralStage.NO_SHOW, ReferralStage.of(ReferralStatus.ACCEPTED,
                List.of(AUTHORIZATION_APPROVED, APPOINTMENT_SCHEDULED, NO_SHOW)));
    }

    @Test
    void shouldShowADenialUntilTheCaseIsSubmittedAgain() {
        assertEquals(ReferralStage.AUTHORIZATION_DENIED, ReferralStage.of(ReferralStatus.ACCEPTED,
                List.of(AUTHORIZATION_SUBMITTED, AUTHORIZATION_DENIED)));
        assertEquals(ReferralStage.AWAITING_AUTHORIZATION, ReferralStage.of(ReferralStatus.ACCEPTED,
                List.of(AUTHORIZATION_SUBMITTED, AUTHORIZATION_DENIED, AUTHORIZATION_SUBMITTED)));
    }

    @Test
    void shouldFollowTheStatusBeforeAcceptance() {
        assertEquals(ReferralStage.IN_TRIAGE, ReferralStage.of(ReferralStatus.RECEIVED, List.of(RECEIVED)));
        assertEquals(ReferralStage.AWAITING_INFORMATION, ReferralStage.of(ReferralStatus.INFO_REQUESTED, List.of()));
        assertEquals(ReferralStage.DECLINED, ReferralStage.of(ReferralStatus.DECLINED, List.of()));
        assertEquals(ReferralStage.CANCELLED, ReferralStage.of(ReferralStatus.CANCELLED, List.of(AUTHORIZATION_APPROVED)));
    }
}
