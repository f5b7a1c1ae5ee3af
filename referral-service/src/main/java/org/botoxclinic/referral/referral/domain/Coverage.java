package org.botoxclinic.referral.referral.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The patient's insurance as the referral states it; the member id is protected health information. */
@Embeddable
public class Coverage {

    @Column(name = "insurance_payer_id")
    String payerId;
    @Column(name = "insurance_payer_name")
    String payerName;
    @Column(name = "insurance_member_id")
    String memberId;
    @Column(name = "insurance_group_number")
    String groupNumber;
    @Column(name = "insurance_plan_type")
    String planType;

    protected Coverage() {
    }

    public Coverage(String payerId, String payerName, String memberId, String groupNumber, String planType) {
        this.payerId = payerId;
        this.payerName = payerName;
        this.memberId = memberId;
        this.groupNumber = groupNumber;
        this.planType = planType;
    }

    public String payerId() {
        return payerId;
    }

    public String payerName() {
        return payerName;
    }

    public String memberId() {
        return memberId;
    }

    public String groupNumber() {
        return groupNumber;
    }

    public String planType() {
        return planType;
    }
}
