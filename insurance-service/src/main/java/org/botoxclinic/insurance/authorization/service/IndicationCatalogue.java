package org.botoxclinic.insurance.authorization.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.botoxclinic.insurance.authorization.domain.IndicationDefaults;

/** Reads the per-indication defaults that a migration seeds and staff may change without a release. */
@ApplicationScoped
public class IndicationCatalogue {

    private final EntityManager em;

    public IndicationCatalogue(EntityManager em) {
        this.em = em;
    }

    public IndicationDefaults defaultsFor(String indication) {
        java.util.List<?> rows = em.createNativeQuery("""
                        select indication, procedure_code, drug_code, units_per_visit, visits, validity_months
                          from indication_default where indication = ?1""")
                .setParameter(1, indication)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no catalogue entry for indication " + indication);
        }
        Object[] row = (Object[]) rows.get(0);
        return new IndicationDefaults((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), ((Number) row[5]).intValue());
    }
}
