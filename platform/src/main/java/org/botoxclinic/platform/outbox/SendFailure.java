package org.botoxclinic.platform.outbox;

import java.util.concurrent.TimeoutException;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;

/**
 * Why a row was not published, sorted by what the relay should do about it: wait out a transient fault for as long
 * as it lasts, park a row the broker refuses for good at once, and park anything else only after repeated attempts.
 */
record SendFailure(Kind kind, String message) {

    enum Kind {
        /** The broker or network is unavailable for now (timeouts, leader changes, too few replicas): retried forever. */
        TRANSIENT,
        /** The broker will never accept this row as it is (too large, invalid topic, not authorized): parked at once. */
        REFUSED,
        /**
         * Not retriable but not known to be the row's fault (e.g. the producer lost its cluster authorization): the
         * producer is rebuilt, the row retried, and parked only after the configured number of attempts.
         */
        UNEXPECTED
    }

    private static final int MESSAGE_LIMIT = 1000;

    static SendFailure transientFault(String message) {
        return new SendFailure(Kind.TRANSIENT, message);
    }

    /** Classifies what a send failed with (the cause of an ExecutionException, or what send() threw). */
    static SendFailure of(Throwable error) {
        String message = error.toString();
        message = message.length() > MESSAGE_LIMIT ? message.substring(0, MESSAGE_LIMIT) : message;
        return new SendFailure(kindOf(error), message);
    }

    private static Kind kindOf(Throwable error) {
        if (error instanceof RetriableException || error instanceof TimeoutException) {
            return Kind.TRANSIENT;
        }
        if (error instanceof RecordTooLargeException || error instanceof RecordBatchTooLargeException
                || error instanceof InvalidRecordException || error instanceof SerializationException
                || error instanceof InvalidTopicException || error instanceof TopicAuthorizationException) {
            return Kind.REFUSED;
        }
        return Kind.UNEXPECTED;
    }

    boolean isTransient() {
        return kind == Kind.TRANSIENT;
    }
}
