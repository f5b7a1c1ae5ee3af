package org.botoxclinic.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;

import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;

class SendFailureTest {

    @Test
    void shouldRetryWhatTheBrokerCannotDoForNowForever() {
        assertEquals(SendFailure.Kind.TRANSIENT, SendFailure.of(new TimeoutException("delivery timeout")).kind());
        assertEquals(SendFailure.Kind.TRANSIENT, SendFailure.of(new NotEnoughReplicasException("isr")).kind());
        assertEquals(SendFailure.Kind.TRANSIENT, SendFailure.of(new NotLeaderOrFollowerException("election")).kind());
        assertEquals(SendFailure.Kind.TRANSIENT, SendFailure.of(new java.util.concurrent.TimeoutException()).kind());
    }

    @Test
    void shouldParkAtOnceWhatTheBrokerRefusesForGood() {
        assertEquals(SendFailure.Kind.REFUSED, SendFailure.of(new RecordTooLargeException("too large")).kind());
        assertEquals(SendFailure.Kind.REFUSED, SendFailure.of(new InvalidTopicException("bad topic")).kind());
        assertEquals(SendFailure.Kind.REFUSED, SendFailure.of(new TopicAuthorizationException(Set.of("t"))).kind());
    }

    @Test
    void shouldCountAttemptsOfWhatIsNeitherRetriableNorTheRowsFault() {
        // The producer's own authorization: the same for every row, so it is not parked at once.
        assertEquals(SendFailure.Kind.UNEXPECTED, SendFailure.of(new ClusterAuthorizationException("idempotent write")).kind());
        assertEquals(SendFailure.Kind.UNEXPECTED, SendFailure.of(new KafkaException("producer closed")).kind());
    }

    @Test
    void shouldKeepTheRecordedReasonShort() {
        assertEquals(1000, SendFailure.of(new KafkaException("x".repeat(5000))).message().length());
    }
}
