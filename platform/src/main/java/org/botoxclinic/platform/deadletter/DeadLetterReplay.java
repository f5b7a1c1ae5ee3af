package org.botoxclinic.platform.deadletter;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.audit.AuditTrail;
import org.botoxclinic.platform.domain.ConflictException;
import org.botoxclinic.platform.domain.NotFoundException;
import org.botoxclinic.platform.inbox.EventRoutes;
import org.botoxclinic.platform.inbox.Failures;
import org.botoxclinic.platform.inbox.Inbox;
import org.botoxclinic.platform.time.Timestamps;
import org.jboss.logging.Logger;

/**
 * Applies a parked event again, by an operator's hand, through the same routes and the same idempotent inbox as
 * the consumer: an event applied meanwhile (or by an earlier replay) changes nothing a second time.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** The problem code of a replay refused because the retention erased the payload. */
    public static final String PAYLOAD_ERASED = "PAYLOAD_ERASED";

    private final DeadLetters deadLetters;
    private final Inbox inbox;
    private final AuditTrail audit;
    private final DeadLetterGauge gauge;
    private final Clock clock;

    public DeadLetterReplay(DeadLetters deadLetters, Inbox inbox, AuditTrail audit, DeadLetterGauge gauge, Clock clock) {
        this.deadLetters = deadLetters;
        this.inbox = inbox;
        this.audit = audit;
        this.gauge = gauge;
        this.clock = clock;
    }

    public ReplayOutcome replay(UUID eventId) {
        DeadLetter letter = deadLetters.find(eventId).orElseThrow(() -> new NotFoundException("dead-letter", eventId));
        if (letter.payloadErasedAt() != null) {
            throw new ConflictException(PAYLOAD_ERASED, "Dead letter " + eventId + " cannot be replayed: its payload was "
                    + "erased after retention (clinic.retention.dead-letters-unresolved) at " + letter.payloadErasedAt()
                    + "; the event must be sent again by its producer",
                    Map.of("eventId", eventId, "payloadErasedAt", letter.payloadErasedAt().toString()));
        }
        ReplayOutcome outcome = attempt(letter);
        OffsetDateTime now = Timestamps.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            if (outcome.outcome() == ReplayOutcome.Outcome.FAILED) {
                deadLetters.failedAgain(eventId, outcome.reason(), now);
            } else {
                deadLetters.replayed(eventId, now);
            }
            audit.record("REPLAY", "dead-letter", eventId, referralId(letter.subject()));
        });
        gauge.refresh();
        LOG.infof("Replayed dead letter %s %s for referral %s: %s", letter.type(), eventId, letter.subject(), outcome.outcome());
        return outcome;
    }

    private ReplayOutcome attempt(DeadLetter letter) {
        if (!letter.hasEnvelope()) {
            return failed(letter, "the record has no CloudEvents type or no payload: it can never be applied");
        }
        Optional<EventRoutes> routes = inbox.routesOf(letter.topic());
        if (routes.isEmpty()) {
            return failed(letter, "no consumer of topic " + letter.topic() + " in this service");
        }
        try {
            boolean applied = inbox.applyAgain(letter.event(), routes.get());
            return new ReplayOutcome(letter.eventId(),
                    applied ? ReplayOutcome.Outcome.APPLIED : ReplayOutcome.Outcome.ALREADY_APPLIED, null);
        } catch (RuntimeException e) {
            return failed(letter, Failures.reason(e));
        }
    }

    private static ReplayOutcome failed(DeadLetter letter, String reason) {
        return new ReplayOutcome(letter.eventId(), ReplayOutcome.Outcome.FAILED, reason);
    }

    private static UUID referralId(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
