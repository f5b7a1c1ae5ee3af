package org.botoxclinic.referral.referral.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.referral.referral.domain.Address;
import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.referral.referral.domain.Referral;

/**
 * Published when staff accept a referral. It carries the patient's identity and contact, the indication and
 * codes, the clinical details and the coverage, so that insurance-service can open a pre-authorization case and
 * scheduling-service a treatment plan without calling back.
 */
public record ReferralAccepted(UUID referralId,
                               OffsetDateTime acceptedAt,
                               String source,
                               String partnerId,
                               String externalReferralId,
                               String indication,
                               List<String> diagnosisCodes,
                               String urgency,
                               Patient patient,
                               Provider referringProvider,
                               Insurance insurance,
                               ClinicalDetails clinicalDetails) {

    public static final String TYPE = "ReferralAccepted";

    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex, String phone, String email,
                          Address address) {
    }

    public record Provider(String npi, String name, String practice, String phone, String fax) {
    }

    public record Insurance(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    public static ReferralAccepted of(Referral referral, OffsetDateTime acceptedAt) {
        var p = referral.patient();
        var r = referral.referringProvider();
        var i = referral.insurance();
        return new ReferralAccepted(referral.id(), acceptedAt, referral.source().name(), referral.partnerId(),
                referral.externalReferralId(), referral.indication().name(), referral.diagnosisCodes(),
                referral.urgency().name(),
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex().code(), p.phone(), p.email(), p.address()),
                new Provider(r.npi(), r.name(), r.practice(), r.phone(), r.fax()),
                new Insurance(i.payerId(), i.payerName(), i.memberId(), i.groupNumber(), i.planType()),
                referral.clinicalDetails());
    }
}
