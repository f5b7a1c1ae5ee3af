package org.botoxclinic.platform.domain;

import java.time.LocalDate;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * Who the patient is, as the services downstream of intake keep it (an authorization case, a treatment plan):
 * name, birth date and administrative sex, in the {@code patient_*} columns. Protected health information:
 * never logged, never part of an error.
 */
@Embeddable
public class PatientIdentity {

    @Column(name = "patient_first_name")
    private String firstName;
    @Column(name = "patient_last_name")
    private String lastName;
    @Column(name = "patient_date_of_birth")
    private LocalDate dateOfBirth;
    @Column(name = "patient_sex")
    private String sex;

    protected PatientIdentity() {
    }

    public PatientIdentity(String firstName, String lastName, LocalDate dateOfBirth, String sex) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.sex = sex;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String sex() {
        return sex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatientIdentity p && Objects.equals(firstName, p.firstName) && Objects.equals(lastName, p.lastName)
                && Objects.equals(dateOfBirth, p.dateOfBirth) && Objects.equals(sex, p.sex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(firstName, lastName, dateOfBirth, sex);
    }

    /** Identifies nothing: patient data never reaches a log line. */
    @Override
    public String toString() {
        return "PatientIdentity[redacted]";
    }
}
