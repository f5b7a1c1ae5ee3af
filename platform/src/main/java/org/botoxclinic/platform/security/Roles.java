package org.botoxclinic.platform.security;

/** The groups a token may carry in its `groups` claim; every endpoint names the ones it admits. */
public final class Roles {

    /** A partner primary-care system; its id is in the token's {@value #PARTNER_ID_CLAIM} claim. */
    public static final String PARTNER = "partner";
    /** Intake coordinators who triage referrals. */
    public static final String INTAKE = "intake";
    /** Authorization specialists who work payer pre-authorizations. */
    public static final String AUTHORIZATIONS = "authorizations";
    /** Schedulers who book the clinic day. */
    public static final String SCHEDULER = "scheduler";
    public static final String ADMIN = "admin";

    public static final String PARTNER_ID_CLAIM = "partner_id";

    private Roles() {
    }
}
