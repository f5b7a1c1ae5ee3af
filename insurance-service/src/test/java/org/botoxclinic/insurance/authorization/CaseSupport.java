package org.botoxclinic.insurance.authorization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.botoxclinic.insurance.authorization.domain.AcceptedReferral;
import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.insurance.authorization.domain.ReauthorizationReason;
import org.botoxclinic.insurance.authorization.service.AuthorizationCaseService;
import org.botoxclinic.insurance.authorization.service.ReauthorizationService;
import org.botoxclinic.testkit.TestClock;
import org.botoxclinic.platform.domain.PatientIdentity;

/** Opens cases the way the ReferralAccepted consumer does, without the broker, for tests about what follows. */
@ApplicationScoped
public class CaseSupport {

    /** A case and the referral it belongs to. */
    public record Opened(String caseId, UUID referralId) {
    }

    private final AuthorizationCaseService service;
    private final AuthorizationCaseRepository cases;
    private final EntityManager em;
    private final ReauthorizationService reauthorizations;

    public CaseSupport(AuthorizationCaseService service, AuthorizationCaseRepository cases, EntityManager em,
                       ReauthorizationService reauthorizations) {
        this.service = service;
        this.cases = cases;
        this.em = em;
        this.reauthorizations = reauthorizations;
    }

    public Opened open(String indication, String payerId, Map<String, Object> clinicalDetails) {
        return open(UUID.randomUUID(), null, indication, payerId, clinicalDetails,
                new PatientIdentity("Alex", "Rivera", LocalDate.of(1984, 5, 17), "female"));
    }

    public Opened open(UUID referralId, UUID patientId, String indication, String payerId,
                       Map<String, Object> clinicalDetails, PatientIdentity patient) {
        QuarkusTransaction.requiringNew().run(() -> service.open(new AcceptedReferral(referralId, patientId, indication,
                List.of("G43.709"), patient, new Coverage(payerId, "Payer " + payerId, "W123456789", null, null),
                clinicalDetails)));
        String caseId = QuarkusTransaction.requiringNew().call(() -> cases.initialCase(referralId).orElseThrow().id().toString());
        return new Opened(caseId, referralId);
    }

    /** Opens the reauthorization that follows the case, as the clock job or a used-up approval would. */
    public String openReauthorization(String caseId) {
        return QuarkusTransaction.requiringNew().call(() -> reauthorizations.open(cases.lockedById(UUID.fromString(caseId)),
                ReauthorizationReason.WINDOW_ENDING, TestClock.now()).orElseThrow().id().toString());
    }

    /** A number the database answers, e.g. how many audit entries of a kind exist. */
    public long count(String query) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(query).getSingleResult()).longValue());
    }

    public static Map<String, Object> fullMigraineDetails() {
        return Map.of("headacheDaysPerMonth", 20, "headacheHoursPerDay", 6.0, "migraineDaysPerMonth", 12,
                "symptomMonths", 24, "priorPreventiveClasses", List.of("BETA_BLOCKER", "ANTICONVULSANT"),
                "currentCgrpAntagonist", false);
    }

    /** Payer configuration as staff would enter it: rows in the catalogue tables, no code. */
    public void sql(String statement) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(statement).executeUpdate());
    }
}
