package org.botoxclinic.referral.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The PCP who referred the patient, identified by NPI. */
@Embeddable
public class ReferringProvider {

    @Column(name = "provider_npi")
    String npi;
    @Column(name = "provider_name")
    String name;
    @Column(name = "provider_practice")
    String practice;

    protected ReferringProvider() {
    }

    public ReferringProvider(String npi, String name, String practice) {
        this.npi = npi;
        this.name = name;
        this.practice = practice;
    }

    public String npi() {
        return npi;
    }

    public String name() {
        return name;
    }

    public String practice() {
        return practice;
    }
}
