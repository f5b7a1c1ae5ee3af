package org.botoxclinic.referral.referral.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.botoxclinic.contracts.EventTypes;
import org.botoxclinic.platform.events.DomainEvent;
import org.botoxclinic.referral.referral.domain.Referral;

/**
 * Published when staff accept a referral. It carries the patient's identity, the indication and codes, the
 * clinical details and the coverage, so that insurance-service can open a pre-authorization case and
 * scheduling-service a treatment plan without calling back, and the patient's phone and email, which scheduling-service
 * uses for appointment reminders (never the address, which no consumer reads; the AsyncAPI document lists who reads
 * each patient field). It names the patient ({@code patientId})
 * and the baseline of the indication's primary outcome measure. Every part is a record of its own: a change to the
 * referral's entities cannot change the wire contract unnoticed.
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
                               ClinicalDetails clinicalDetails,
                               UUID patientId,
                               Baseline baseline) implements DomainEvent {

    public static final String TYPE = EventTypes.REFERRAL_ACCEPTED;

    public record Patient(String firstName, String lastName, LocalDate dateOfBirth, String sex, String phone, String email) {
    }

    public record Provider(String npi, String name, String practice, String phone, String fax) {
    }

    public record Insurance(String payerId, String payerName, String memberId, String groupNumber, String planType) {
    }

    public record ClinicalDetails(Integer headacheDaysPerMonth, Double headacheHoursPerDay, Integer migraineDaysPerMonth,
                                  Integer symptomMonths, List<String> priorPreventiveClasses, Boolean currentCgrpAntagonist,
                                  String spasticityCause, String affectedSide, Integer twstrsTotal, Double modifiedAshworth,
                                  Integer jankovicRatingScale, Integer cgiSeverity) {
    }

    /** The indication's primary outcome measure before treatment; null when the referral did not give it. */
    public record Baseline(String measure, Number value) {
    }

    public static ReferralAccepted of(Referral referral, OffsetDateTime acceptedAt) {
        var p = referral.patient();
        var r = referral.referringProvider();
        var i = referral.insurance();
        return new ReferralAccepted(referral.id(), acceptedAt, referral.source().name(), referral.partnerId(),
                referral.externalReferralId(), referral.indication().name(), referral.diagnosisCodes(),
                referral.urgency().name(),
                new Patient(p.firstName(), p.lastName(), p.dateOfBirth(), p.sex().code(), p.phone(), p.email()),
                new Provider(r.npi(), r.name(), r.practice(), r.phone(), r.fax()),
                new Insurance(i.payerId(), i.payerName(), i.memberId(), i.groupNumber(), i.planType()),
                clinicalDetails(referral.clinicalDetails()), referral.patientId(), baseline(referral));
    }

    private static Baseline baseline(Referral referral) {
        var details = referral.clinicalDetails();
        return details == null ? null : details.baselineFor(referral.indication())
                .map(b -> new Baseline(b.measure().name(), b.value())).orElse(null);
    }

    private static ClinicalDetails clinicalDetails(org.botoxclinic.referral.referral.domain.ClinicalDetails d) {
        if (d == null) {
            return null;
        }
        return new ClinicalDetails(d.headacheDaysPerMonth(), d.headacheHoursPerDay(), d.migraineDaysPerMonth(),
                d.symptomMonths(), d.priorPreventiveClasses() == null ? null
                        : d.priorPreventiveClasses().stream().map(Enum::name).toList(),
                d.currentCgrpAntagonist(), name(d.spasticityCause()), name(d.affectedSide()), d.twstrsTotal(),
                d.modifiedAshworth(), d.jankovicRatingScale(), d.cgiSeverity());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public OffsetDateTime occurredAt() {
        return acceptedAt;
    }
}
