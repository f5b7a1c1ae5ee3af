package org.botoxclinic.referral.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.botoxclinic.referral.webhook.domain.RetrySchedule;
import org.botoxclinic.referral.webhook.domain.WebhookSignature;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.junit.jupiter.api.Test;

class WebhookRulesTest {

    private static final String SECRET = "whsec-test-0123456789";
    private static final WebhookTarget.Rules PRODUCTION = WebhookTarget.Rules.production();
    private static final WebhookTarget.Rules DEVELOPMENT = new WebhookTarget.Rules(true, false, true);

    @Test
    void shouldSignDeliveryIdTimestampAndBodyWithHmacSha256() {
        // printf '%s' '42.1700000000.{"a":1}' | openssl dgst -sha256 -hmac 'whsec-test-0123456789'
        String expected = "v1=c4e0f6b91fca9133309624c79ac95b8471e1ac28887a7a0ae6dcca3134b3f419";
        assertEquals(expected, WebhookSignature.sign(SECRET, "42", 1700000000L, "{\"a\":1}"));
        Instant sentAt = Instant.ofEpochSecond(1700000000L);
        assertTrue(WebhookSignature.verify(SECRET, "42", "1700000000", "{\"a\":1}", expected, sentAt, Duration.ofMinutes(5)));
        // Another body, delivery id or timestamp does not match the signature.
        assertFalse(WebhookSignature.verify(SECRET, "42", "1700000000", "{\"a\":2}", expected, sentAt, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(SECRET, "43", "1700000000", "{\"a\":1}", expected, sentAt, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify(SECRET, "42", "1700000001", "{\"a\":1}", expected, sentAt, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("another-secret-0123", "42", "1700000000", "{\"a\":1}", expected, sentAt,
                Duration.ofMinutes(5)));
    }

    @Test
    void shouldAcceptACallOnlyWithinTheToleranceWindowEitherWay() {
        String header = WebhookSignature.sign(SECRET, "7", 1700000000L, "{}");
        Instant sentAt = Instant.ofEpochSecond(1700000000L);
        Duration tolerance = Duration.ofMinutes(5);
        assertTrue(WebhookSignature.verify(SECRET, "7", "1700000000", "{}", header, sentAt.plusSeconds(300), tolerance));
        assertFalse(WebhookSignature.verify(SECRET, "7", "1700000000", "{}", header, sentAt.plusSeconds(301), tolerance));
        assertTrue(WebhookSignature.verify(SECRET, "7", "1700000000", "{}", header, sentAt.minusSeconds(300), tolerance));
        assertFalse(WebhookSignature.verify(SECRET, "7", "1700000000", "{}", header, sentAt.minusSeconds(301), tolerance));
        assertFalse(WebhookSignature.verify(SECRET, "7", "not-a-time", "{}", header, sentAt, tolerance));
    }

    @Test
    void shouldSignWithEveryActiveSecretDuringARotation() {
        String header = WebhookSignature.header(List.of("new-secret-0123456789", "old-secret-0123456789"), "9", 1700000000L, "{}");
        assertEquals(2, header.split(", ").length);
        assertTrue(header.startsWith(WebhookSignature.sign("new-secret-0123456789", "9", 1700000000L, "{}")));
        Instant at = Instant.ofEpochSecond(1700000000L);
        assertTrue(WebhookSignature.verify("new-secret-0123456789", "9", "1700000000", "{}", header, at, Duration.ofMinutes(5)));
        assertTrue(WebhookSignature.verify("old-secret-0123456789", "9", "1700000000", "{}", header, at, Duration.ofMinutes(5)));
        assertFalse(WebhookSignature.verify("third-secret-0123456", "9", "1700000000", "{}", header, at, Duration.ofMinutes(5)));
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
    void shouldCallOnlyHttpsOnPort443OutsideDevelopmentMode() throws Exception {
        assertEquals(443, WebhookTarget.parse("https://hooks.example.org/in", PRODUCTION).port());
        assertEquals(443, WebhookTarget.parse("https://hooks.example.org:443/in", PRODUCTION).port());
        assertEquals("must use port 443", refusal("https://hooks.example.org:444/in", PRODUCTION));
        assertEquals("must use port 443", refusal("https://hooks.example.org:442/in", PRODUCTION));
        assertEquals("must use port 443", refusal("https://hooks.example.org:8443/in", PRODUCTION));
        assertEquals("must be an https URL", refusal("http://hooks.example.org/in", PRODUCTION));
        // Outside development mode the relaxations do nothing.
        assertEquals("must be an https URL", refusal("http://hooks.example.org/in", new WebhookTarget.Rules(false, false, true)));
        assertEquals("must use port 443", refusal("https://hooks.example.org:8443/in", new WebhookTarget.Rules(false, false, true)));
        assertEquals("must name a host, without credentials or fragment", refusal("https://user:pw@hooks.example.org/", PRODUCTION));
        assertEquals("must be an http(s) URL", refusal("ftp://127.0.0.1/hooks", DEVELOPMENT));
        // Development mode: http on any port.
        assertEquals(9000, WebhookTarget.parse("http://127.0.0.1:9000/hooks", DEVELOPMENT).port());
        assertEquals("must be an https URL", refusal("http://127.0.0.1:9000/hooks", new WebhookTarget.Rules(true, true, true)));
    }

    @Test
    void shouldSendTheRegisteredNameAndPathWhileConnectingToTheCheckedAddress() throws Exception {
        WebhookTarget target = WebhookTarget.parse("https://hooks.example.org/in/box?token=abc", PRODUCTION);
        assertEquals("hooks.example.org", target.hostHeader());
        assertEquals("/in/box?token=abc", target.requestTarget());
        assertFalse(target.hostIsLiteral());
        WebhookTarget literal = WebhookTarget.parse("http://[::1]:8080", DEVELOPMENT);
        assertEquals("::1", literal.host());
        assertEquals("[::1]:8080", literal.hostHeader());
        assertEquals("/", literal.requestTarget());
        assertTrue(literal.hostIsLiteral());
        assertEquals("https://hooks.example.org/in/box", WebhookTarget.withoutQuery("https://hooks.example.org/in/box?token=abc"));
    }

    @Test
    void shouldRefuseAHostWithAnySpecialPurposeAddressWithoutNamingIt() throws Exception {
        InetAddress[] mixed = {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("100.64.1.2")};
        WebhookTarget.Refused refused = assertThrows(WebhookTarget.Refused.class, () -> WebhookTarget.checkAddresses(mixed, PRODUCTION));
        assertEquals(WebhookTarget.NOT_PUBLIC, refused.reason());
        assertFalse(refused.reason().contains("100.64"));
        WebhookTarget.checkAddresses(new InetAddress[] {InetAddress.getByName("93.184.216.34")}, PRODUCTION);
        assertEquals(WebhookTarget.DOES_NOT_RESOLVE,
                assertThrows(WebhookTarget.Refused.class, () -> WebhookTarget.checkAddresses(new InetAddress[0], PRODUCTION)).reason());
        // Private addresses only in development mode, and only when allowed there.
        WebhookTarget.checkAddresses(new InetAddress[] {InetAddress.getByName("127.0.0.1")}, DEVELOPMENT);
        assertThrows(WebhookTarget.Refused.class, () -> WebhookTarget.checkAddresses(
                new InetAddress[] {InetAddress.getByName("127.0.0.1")}, new WebhookTarget.Rules(true, false, false)));
        assertThrows(WebhookTarget.Refused.class, () -> WebhookTarget.checkAddresses(
                new InetAddress[] {InetAddress.getByName("127.0.0.1")}, new WebhookTarget.Rules(false, false, true)));
    }

    private static String refusal(String url, WebhookTarget.Rules rules) {
        return assertThrows(WebhookTarget.Refused.class, () -> WebhookTarget.parse(url, rules)).reason();
    }
}
