package org.botoxclinic.insurance.authorization.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The lines a case asks the payer for: the procedure (CPT), the drug (HCPCS) with its units, and the visits. */
@Embeddable
public class RequestedLines {

    @Column(name = "procedure_code")
    private String procedureCode;
    @Column(name = "drug_code")
    private String drugCode;
    @Column(name = "requested_units")
    private int units;
    @Column(name = "requested_visits")
    private int visits;

    protected RequestedLines() {
    }

    /** The indication's defaults: units per visit times the visits. */
    public static RequestedLines from(IndicationDefaults defaults) {
        RequestedLines lines = new RequestedLines();
        lines.procedureCode = defaults.procedureCode();
        lines.drugCode = defaults.drugCode();
        lines.units = defaults.unitsPerVisit() * defaults.visits();
        lines.visits = defaults.visits();
        return lines;
    }

    public String procedureCode() {
        return procedureCode;
    }

    public String drugCode() {
        return drugCode;
    }

    public int units() {
        return units;
    }

    public int visits() {
        return visits;
    }
}
