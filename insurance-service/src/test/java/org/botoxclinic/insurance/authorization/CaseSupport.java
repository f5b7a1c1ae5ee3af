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
import org.botoxclinic.insurance.authorization.service.AuthorizationCaseService;
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

    public CaseSupport(AuthorizationCaseService service, AuthorizationCaseRepository cases, EntityManager em) {
        this.service = service;
        this.cases = cases;
        this.em = em;
    }

    public Opened open(String indication, String payerId, Map<String, Object> clinicalDetails) {
        UUID referralId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> service.open(new AcceptedReferral(referralId, indication,
                List.of("G43.709"), new PatientIdentity("Alex", "Rivera", LocalDate.of(1984, 5, 17), "female"),
                new Coverage(payerId, "Payer " + payerId, "W123456789", null, null), clinicalDetails)));
        String caseId = QuarkusTransaction.requiringNew().call(() -> cases.initialCase(referralId).orElseThrow().id().toString());
        return new Opened(caseId, referralId);
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
