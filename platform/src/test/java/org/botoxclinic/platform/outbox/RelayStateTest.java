package org.botoxclinic.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RelayStateTest {

    private static final Duration STUCK_AFTER = Duration.ofSeconds(60);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);

    private static RelayState assess(boolean running, double oldestAge, Duration sinceLastCycle) {
        return RelayState.assess(true, running, oldestAge, sinceLastCycle, STUCK_AFTER, SEND_TIMEOUT, 3, null, 0, 0);
    }

    @Test
    void shouldStayReadyWhileTheOldestRowHasWaitedNoLongerThanTheLimit() {
        assertTrue(assess(true, 60.0, Duration.ofSeconds(1)).healthy());
        assertFalse(assess(true, 60.5, Duration.ofSeconds(1)).healthy());
    }

    @Test
    void shouldReportALoopThatStoppedGoingRound() {
        assertTrue(assess(true, 0, Duration.ofSeconds(75)).healthy());
        RelayState stuck = assess(true, 0, Duration.ofSeconds(76));
        assertFalse(stuck.healthy());
        assertTrue(stuck.reason().contains("not cycling"));
    }

    @Test
    void shouldReportARelayThatIsNotRunningUnlessItIsDisabledOnPurpose() {
        assertFalse(assess(false, 0, Duration.ZERO).healthy());
        assertTrue(RelayState.assess(false, false, 500, Duration.ofHours(1), STUCK_AFTER, SEND_TIMEOUT, 9, null, 0, 0).healthy());
    }

    @Test
    void shouldAskForAnAdministratorWhenAnEventIsParkedWithoutCallingTheRelayUnhealthy() {
        RelayState clear = RelayState.assess(true, true, 0, Duration.ZERO, STUCK_AFTER, SEND_TIMEOUT, 0, null, 0, 0);
        RelayState parked = RelayState.assess(true, true, 0, Duration.ZERO, STUCK_AFTER, SEND_TIMEOUT, 0, null, 1, 4);
        assertFalse(clear.needsAttention());
        assertTrue(parked.needsAttention());
        assertTrue(parked.healthy(), parked.reason());
        assertTrue(parked.held() == 4 && parked.parked() == 1);
    }
}
