package org.botoxclinic.insurance.authorization.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What a payer granted: the authorization number, the units and visits, and the window they may be used in. */
@Embeddable
public class Approval {

    @Column(name = "authorization_number")
    private String authorizationNumber;
    @Column(name = "approved_units")
    private Integer units;
    @Column(name = "approved_visits")
    private Integer visits;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_to")
    private LocalDate validTo;

    protected Approval() {
    }

    /** The grant of an approving decision; {@link DecisionRules} made sure it is complete. */
    public static Approval of(Decision decision) {
        Approval a = new Approval();
        a.authorizationNumber = decision.authorizationNumber();
        a.units = decision.approvedUnits();
        a.visits = decision.approvedVisits();
        a.validFrom = decision.validFrom();
        a.validTo = decision.validTo();
        return a;
    }

    /** Both ends count: a treatment on validFrom or on validTo is covered. */
    public boolean covers(LocalDate date) {
        return ApprovalWindow.covers(validFrom, validTo, date);
    }

    public String authorizationNumber() {
        return authorizationNumber;
    }

    public int units() {
        return units;
    }

    public int visits() {
        return visits;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    public LocalDate validTo() {
        return validTo;
    }
}
