package org.botoxclinic.insurance.messaging;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.EmbeddedKafkaBroker;
import org.botoxclinic.testkit.KafkaCredentials;
import org.botoxclinic.testkit.KafkaProbe;
import org.botoxclinic.testkit.SampleEvents;
import org.junit.jupiter.api.Test;

/**
 * The broker, not only the consumers, stops a forged approval: insurance-service's login may publish authorization
 * events but not referral events, and a client without a login publishes nothing at all. A Quarkus test, so that it
 * shares the test broker the service runs against (another class loader would start a second one).
 */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class KafkaAccessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KafkaCredentials insurance = EmbeddedKafkaBroker.service("insurance-service");

    @Test
    void shouldLetInsurancePublishItsOwnEventsButNotReferralEvents() throws Exception {
        UUID referralId = UUID.randomUUID();
        Map<String, String> headers = SampleEvents.headers(UUID.randomUUID(), "ReferralAccepted", "/referral-service", referralId);

        ExecutionException refused = assertThrows(ExecutionException.class, () -> KafkaProbe.sendOrFail(
                EmbeddedKafkaBroker.clientConfig(insurance), "referral-events", referralId.toString(),
                SampleEvents.referralAccepted(referralId), headers, TIMEOUT));
        assertInstanceOf(TopicAuthorizationException.class, refused.getCause());

        UUID approved = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        KafkaProbe.sendOrFail(EmbeddedKafkaBroker.clientConfig(insurance), "authorization-events", approved.toString(),
                SampleEvents.authorizationApproved(approved, UUID.randomUUID()),
                SampleEvents.headers(eventId, "AuthorizationApproved", "/insurance-service", approved), TIMEOUT);
        try (KafkaProbe probe = new KafkaProbe(EmbeddedKafkaBroker.bootstrapServers(), "authorization-events")) {
            assertEquals(approved.toString(),
                    probe.await(r -> eventId.toString().equals(KafkaProbe.header(r, "ce_id")), TIMEOUT).key());
        }
    }

    @Test
    void shouldLetAClientWithoutALoginPublishNothing() {
        Map<String, Object> anonymous = Map.of("bootstrap.servers", EmbeddedKafkaBroker.bootstrapServers());
        UUID referralId = UUID.randomUUID();
        // The broker speaks only SASL: the client never gets metadata, so its send gives up after max.block.ms.
        ExecutionException refused = assertThrows(ExecutionException.class, () -> KafkaProbe.sendOrFail(anonymous,
                "authorization-events", referralId.toString(), SampleEvents.authorizationApproved(referralId, UUID.randomUUID()),
                SampleEvents.headers(UUID.randomUUID(), "AuthorizationApproved", "/insurance-service", referralId),
                Duration.ofSeconds(3)));
        assertInstanceOf(TimeoutException.class, refused.getCause());
    }

    @Test
    void shouldRefuseAWrongPassword() {
        KafkaCredentials impostor = new KafkaCredentials("insurance", "not-the-password");
        UUID referralId = UUID.randomUUID();
        Exception refused = assertThrows(Exception.class, () -> KafkaProbe.sendOrFail(
                EmbeddedKafkaBroker.clientConfig(impostor), "authorization-events", referralId.toString(), "{}",
                Map.of(), TIMEOUT));
        assertInstanceOf(org.apache.kafka.common.errors.SaslAuthenticationException.class,
                refused instanceof ExecutionException ? refused.getCause() : refused);
    }
}
