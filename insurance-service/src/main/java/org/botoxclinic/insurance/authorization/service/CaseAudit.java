package org.botoxclinic.insurance.authorization.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.platform.audit.AuditTrail;

/**
 * Every read and write of a case goes into the service's append-only audit trail under one resource type; a case
 * refused to a cancelled referral is recorded against the referral.
 */
@ApplicationScoped
public class CaseAudit {

    public static final String RESOURCE = "authorization-case";

    private final AuditTrail trail;

    public CaseAudit(AuditTrail trail) {
        this.trail = trail;
    }

    public void record(String action, AuthorizationCase c) {
        trail.record(action, RESOURCE, c.id(), c.referralId());
    }

    /** An acceptance of a cancelled referral arrived late; no case exists, so the entry names the referral. */
    public void refusedOpening(UUID referralId) {
        trail.record("REFUSE_OPEN", "referral", referralId, referralId);
    }
}
