package org.botoxclinic.insurance.authorization.domain;

/** How the request reached the payer. */
public enum SubmissionChannel {
    PORTAL, FAX, PHONE, ELECTRONIC
}
