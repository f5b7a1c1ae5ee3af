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
    private String firstName;
    @Column(name = "patient_last_name")
    private String lastName;
    @Column(name = "patient_date_of_birth")
    private LocalDate dateOfBirth;
    @Enumerated(EnumType.STRING)
    @Column(name = "patient_sex")
    private Sex sex;
    @Column(name = "patient_phone")
    private String phone;
    @Column(name = "patient_email")
    private String email;
    @Column(name = "patient_address_line1")
    private String addressLine1;
    @Column(name = "patient_address_line2")
    private String addressLine2;
    @Column(name = "patient_address_city")
    private String addressCity;
    @Column(name = "patient_address_state")
    private String addressState;
    @Column(name = "patient_postal_code")
    private String postalCode;

    protected Patient() {
    }

    public Patient(String firstName, String lastName, LocalDate dateOfBirth, Sex sex, String phone, String email,
                   Address address) {
        this.firstName = firstName;
        this.lastName = lastName;
        this.dateOfBirth = dateOfBirth;
        this.sex = sex;
        this.phone = phone;
        this.email = email;
        if (address != null) {
            this.addressLine1 = address.line1();
            this.addressLine2 = address.line2();
            this.addressCity = address.city();
            this.addressState = address.state();
            this.postalCode = address.postalCode();
        }
    }

    public Address address() {
        return addressLine1 == null ? null : new Address(addressLine1, addressLine2, addressCity, addressState, postalCode);
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
