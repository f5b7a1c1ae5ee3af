package org.botoxclinic.referral.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.botoxclinic.referral.webhook.domain.RetrySchedule;
import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    @Test
    void shouldSignTheBodyWithHmacSha256() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?"));
        assertTrue(WebhookSignature.verify("Jefe", "what do ya want for nothing?",
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
        assertFalse(WebhookSignature.verify("Jefe", "what do ya want for nothing!",
                "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    @Test
    void shouldDoubleTheWaitUpToTheCapAndGiveUpAfterTheLastAttempt() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(1), 4);
        assertEquals(Duration.ofSeconds(5), schedule.delayAfter(1));
        assertEquals(Duration.ofSeconds(10), schedule.delayAfter(2));
        assertEquals(Duration.ofSeconds(40), schedule.delayAfter(4));
        assertEquals(Duration.ofMinutes(1), schedule.delayAfter(5));
        assertFalse(schedule.givesUpAfter(3));
        assertTrue(schedule.givesUpAfter(4));
    }

    @Test
    void shouldCallOnlyHttpsOnPublicAddressesUnlessConfiguredForDevelopment() {
        assertTrue(WebhookTarget.refusal("https://93.184.216.34/hooks", true, false).isEmpty());
        assertEquals("must be an https URL", WebhookTarget.refusal("http://93.184.216.34/hooks", true, false).orElseThrow());
        assertTrue(WebhookTarget.refusal("https://127.0.0.1:8082/api", true, false).orElseThrow().startsWith("must be a public address"));
        assertTrue(WebhookTarget.refusal("https://10.1.2.3/hooks", true, false).isPresent());
        assertTrue(WebhookTarget.refusal("https://169.254.169.254/latest", true, false).isPresent());
        assertTrue(WebhookTarget.refusal("https://[::1]/hooks", true, false).isPresent());
        assertTrue(WebhookTarget.refusal("https://user:pw@93.184.216.34/", true, false).isPresent());
        assertTrue(WebhookTarget.refusal("http://127.0.0.1:9000/hooks", false, true).isEmpty());
        assertTrue(WebhookTarget.refusal("ftp://127.0.0.1/hooks", false, true).isPresent());
    }
}
