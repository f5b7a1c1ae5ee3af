package org.botoxclinic.referral.referral.domain;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The referred patient's identity and contact: protected health information, never logged. */
@Embeddable
public class Patient {

    @Column(name = "patient_first_name")
    String firstName;
    @Column(name = "patient_last_name")
    String lastName;
    @Column(name = "patient_date_of_birth")
    LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    @Column(name = "patient_sex")
    Sex sex;
    @Column(name = "patient_phone")
    String phone;
    @Column(name = "patient_email")
    String email;

    protected Patient() {
    }

    public Patient(String firstName, String lastName, LocalDate dateOfBirth, Sex sex, String phone, String email) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.sex = sex;
        this.phone = phone;
        this.email = email;
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

    public Sex sex() {
        return sex;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }
}
