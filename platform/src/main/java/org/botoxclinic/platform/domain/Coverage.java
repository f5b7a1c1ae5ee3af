package org.botoxclinic.platform.domain;

import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * The patient's insurance as the referral gave it: which payer is asked, and who the patient is to that payer.
 * Columns {@code payer_id}, {@code payer_name}, ... by default; an entity that names them otherwise overrides
 * them. The member id is protected health information: never logged.
 */
@Embeddable
public class Coverage {

    @Column(name = "payer_id")
    private String payerId;
    @Column(name = "payer_name")
    private String payerName;
    @Column(name = "member_id")
    private String memberId;
    @Column(name = "group_number")
    private String groupNumber;
    @Column(name = "plan_type")
    private String planType;

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

    @Override
    public boolean equals(Object o) {
        return o instanceof Coverage c && Objects.equals(payerId, c.payerId) && Objects.equals(payerName, c.payerName)
                && Objects.equals(memberId, c.memberId) && Objects.equals(groupNumber, c.groupNumber)
                && Objects.equals(planType, c.planType);
    }

    @Override
    public int hashCode() {
        return Objects.hash(payerId, payerName, memberId, groupNumber, planType);
    }

    /** Identifies nothing: coverage data never reaches a log line. */
    @Override
    public String toString() {
        return "Coverage[redacted]";
    }
}
