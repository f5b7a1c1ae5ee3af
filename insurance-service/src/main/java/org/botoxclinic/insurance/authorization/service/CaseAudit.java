package org.botoxclinic.insurance.authorization.service;

import java.util.List;
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

    /** The same action on every case given (a page of the work queue): one entry each, in one statement. */
    public void recordAll(String action, List<AuthorizationCase> cases) {
        trail.recordAll(action, RESOURCE, cases.stream().map(c -> new AuditTrail.Disclosed(c.id(), c.referralId())).toList());
    }

    /** An acceptance of a cancelled referral arrived late; no case exists, so the entry names the referral. */
    public void refusedOpening(UUID referralId) {
        trail.record("REFUSE_OPEN", "referral", referralId, referralId);
    }
}
