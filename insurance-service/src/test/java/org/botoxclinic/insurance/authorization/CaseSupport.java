package org.botoxclinic.insurance.authorization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.botoxclinic.insurance.authorization.domain.AcceptedReferral;
import org.botoxclinic.insurance.authorization.service.AuthorizationDesk;

/** Opens cases the way the ReferralAccepted consumer does, without the broker, for tests about what follows. */
@ApplicationScoped
public class CaseSupport {

    /** A case and the referral it belongs to. */
    public record Opened(String caseId, UUID referralId) {
    }

    private final AuthorizationDesk desk;
    private final EntityManager em;

    public CaseSupport(AuthorizationDesk desk, EntityManager em) {
        this.desk = desk;
        this.em = em;
    }

    public Opened open(String indication, String payerId, Map<String, Object> clinicalDetails) {
        UUID referralId = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> desk.openCase(new AcceptedReferral(referralId, indication,
                List.of("G43.709"), payerId, "Payer " + payerId, "W123456789", null, null, "Alex", "Rivera",
                LocalDate.of(1984, 5, 17), "female", clinicalDetails)));
        String caseId = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select c.id from AuthorizationCase c where c.referralId = :r", UUID.class)
                .setParameter("r", referralId).getSingleResult().toString());
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
