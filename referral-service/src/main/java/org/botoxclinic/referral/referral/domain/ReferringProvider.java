package org.botoxclinic.referral.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The PCP who referred the patient, identified by NPI. */
@Embeddable
public class ReferringProvider {

    @Column(name = "provider_npi")
    private String npi;
    @Column(name = "provider_name")
    private String name;
    @Column(name = "provider_practice")
    private String practice;
    @Column(name = "provider_phone")
    private String phone;
    @Column(name = "provider_fax")
    private String fax;

    protected ReferringProvider() {
    }

    public ReferringProvider(String npi, String name, String practice, String phone, String fax) {
        this.npi = npi;
        this.name = name;
        this.practice = practice;
        this.phone = phone;
        this.fax = fax;
    }

    public String phone() {
        return phone;
    }

    public String fax() {
        return fax;
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
