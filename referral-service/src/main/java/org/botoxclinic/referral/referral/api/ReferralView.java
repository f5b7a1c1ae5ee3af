package org.botoxclinic.referral.referral.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.referral.referral.domain.Referral;

/** A referral as the API returns it: its id and status, and the data that was submitted. */
public record ReferralView(UUID id,
                           String status,
                           String source,
                           String externalReferralId,
                           String indication,
                           List<String> diagnosisCodes,
                           String urgency,
                           Patient patient,
                           Provider referringProvider,
                           Insurance insurance,
                           ClinicalDetails clinicalDetails,
                           String notes,
                           OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {

    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex, String phone, String email) {
    }

    public record Provider(String npi, String name, String practice) {
    }

    public record Insurance(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    static ReferralView of(Referral r) {
        var p = r.patient();
        var d = r.referringProvider();
        var i = r.insurance();
        return new ReferralView(r.id(), r.status().name(), r.source().name(), r.externalReferralId(),
                r.indication().name(), r.diagnosisCodes(), r.urgency().name(),
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex().code(), p.phone(), p.email()),
                new Provider(d.npi(), d.name(), d.practice()),
                new Insurance(i.payerId(), i.payerName(), i.memberId(), i.groupNumber(), i.planType()),
                r.clinicalDetails(), r.notes(), r.createdAt(), r.updatedAt());
    }
}
