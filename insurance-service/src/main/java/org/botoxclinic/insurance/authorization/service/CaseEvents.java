package org.botoxclinic.insurance.authorization.service;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.ReauthorizationReason;
import org.botoxclinic.insurance.authorization.events.AuthorizationApproved;
import org.botoxclinic.insurance.authorization.events.AuthorizationDenied;
import org.botoxclinic.insurance.authorization.events.AuthorizationExhausted;
import org.botoxclinic.insurance.authorization.events.AuthorizationExpired;
import org.botoxclinic.insurance.authorization.events.AuthorizationSubmitted;
import org.botoxclinic.insurance.authorization.events.ReauthorizationRequired;
import org.botoxclinic.platform.events.Topics;
import org.botoxclinic.platform.outbox.Outbox;
import org.botoxclinic.platform.outbox.OutboundEvent;

/** Writes the case's events to the outbox in the transaction that changed the case, keyed by its referral. */
@ApplicationScoped
public class CaseEvents {

    private final Outbox outbox;

    public CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void submitted(AuthorizationCase c, OffsetDateTime now) {
        append(c, AuthorizationSubmitted.TYPE, now, AuthorizationSubmitted.of(c));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approved(AuthorizationCase c) {
        append(c, AuthorizationApproved.TYPE, c.decidedAt(), AuthorizationApproved.of(c));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void denied(AuthorizationCase c, boolean settlesAppeal) {
        append(c, AuthorizationDenied.TYPE, c.decidedAt(), AuthorizationDenied.of(c, settlesAppeal));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void expired(AuthorizationCase c, OffsetDateTime now) {
        append(c, AuthorizationExpired.TYPE, now, AuthorizationExpired.of(c, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void exhausted(AuthorizationCase c, OffsetDateTime now) {
        append(c, AuthorizationExhausted.TYPE, now, AuthorizationExhausted.of(c, now));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void reauthorizationRequired(AuthorizationCase previous, AuthorizationCase next, ReauthorizationReason reason,
                                        OffsetDateTime now) {
        append(previous, ReauthorizationRequired.TYPE, now, ReauthorizationRequired.of(previous, next, reason, now));
    }

    private void append(AuthorizationCase c, String type, OffsetDateTime occurredAt, Object payload) {
        outbox.append(OutboundEvent.of(Topics.AUTHORIZATION_EVENTS, type, c.referralId(), occurredAt, payload));
    }
}
