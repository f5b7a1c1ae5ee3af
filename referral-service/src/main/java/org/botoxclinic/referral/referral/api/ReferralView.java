package org.botoxclinic.referral.referral.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.referral.referral.domain.Address;
import org.botoxclinic.referral.referral.domain.ClinicalDetails;
import org.botoxclinic.referral.referral.domain.Referral;
import org.botoxclinic.referral.referral.domain.TriageReason;

/** A referral as the API returns it: its id, status, stage and screening, and the data that was submitted. */
public record ReferralView(UUID id,
                           String status,
                           String stage,
                           Triage triage,
                           String source,
                           String externalReferralId,
                           String indication,
                           List<String> diagnosisCodes,
                           String urgency,
                           Patient patient,
                           UUID patientId,
                           Provider referringProvider,
                           Insurance insurance,
                           ClinicalDetails clinicalDetails,
                           String notes,
                           String decisionReason,
                           String infoQuestion,
                           String infoAnswer,
                           OffsetDateTime createdAt,
                           OffsetDateTime updatedAt) {

    public record Triage(String outcome, List<TriageReason> reasons, OffsetDateTime screenedAt) {
    }

    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex, String phone, String email,
                          Address address) {
    }

    public record Provider(String npi, String name, String practice, String phone, String fax) {
    }

    public record Insurance(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    static ReferralView of(Referral r) {
        var p = r.patient();
        var d = r.referringProvider();
        var i = r.insurance();
        return new ReferralView(r.id(), r.status().name(), r.stage() == null ? null : r.stage().name(),
                r.triageOutcome() == null ? null : new Triage(r.triageOutcome().name(), r.triageReasons(), r.triagedAt()),
                r.source().name(), r.externalReferralId(), r.indication().name(), r.diagnosisCodes(), r.urgency().name(),
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex().code(), p.phone(), p.email(), p.address()),
                r.patientId(),
                new Provider(d.npi(), d.name(), d.practice(), d.phone(), d.fax()),
                new Insurance(i.payerId(), i.payerName(), i.memberId(), i.groupNumber(), i.planType()),
                r.clinicalDetails(), r.notes(), r.decisionReason(), r.infoQuestion(), r.infoAnswer(), r.createdAt(),
                r.updatedAt());
    }
}
