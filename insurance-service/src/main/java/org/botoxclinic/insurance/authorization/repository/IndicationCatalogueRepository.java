package org.botoxclinic.insurance.authorization.repository;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.botoxclinic.insurance.authorization.domain.Checklist;
import org.botoxclinic.insurance.authorization.domain.DecisionClock;
import org.botoxclinic.insurance.authorization.domain.EvidenceRule;
import org.botoxclinic.insurance.authorization.domain.IndicationDefaults;
import org.botoxclinic.insurance.authorization.domain.PayerRequirement;
import org.botoxclinic.insurance.authorization.domain.RequirementStage;
import org.botoxclinic.insurance.authorization.domain.RequirementTemplate;
import org.jboss.logging.Logger;

/**
 * Reads what a migration seeds and staff may change without a release: per-indication lines and checklists,
 * each payer's overrides of them, and each payer's decision clocks.
 */
@ApplicationScoped
public class IndicationCatalogueRepository {

    private static final Logger LOG = Logger.getLogger(IndicationCatalogueRepository.class);

    private final EntityManager em;

    public IndicationCatalogueRepository(EntityManager em) {
        this.em = em;
    }

    /** The indication's lines, with the payer's own values where it has any. */
    public IndicationDefaults defaultsFor(String indication, String payerId) {
        List<?> rows = em.createNativeQuery("""
                        select d.indication,
                               coalesce(p.procedure_code, d.procedure_code),
                               coalesce(p.drug_code, d.drug_code),
                               coalesce(p.units_per_visit, d.units_per_visit),
                               coalesce(p.visits, d.visits),
                               coalesce(p.validity_months, d.validity_months)
                          from indication_default d
                          left join payer_indication_default p on p.indication = d.indication and p.payer_id = ?2
                         where d.indication = ?1""")
                .setParameter(1, indication)
                .setParameter(2, payerId)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("no catalogue entry for indication " + indication);
        }
        Object[] row = (Object[]) rows.get(0);
        return new IndicationDefaults((String) row[0], (String) row[1], (String) row[2],
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue(), ((Number) row[5]).intValue());
    }

    /** The checklist for a first request or a reauthorization: the indication's items changed by the payer's. */
    public List<RequirementTemplate> checklistFor(String indication, String payerId, boolean reauthorization) {
        List<RequirementTemplate> defaults = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        select code, description, required, stage, evidence, position, evidence_document_types
                          from requirement_default where indication = ?1""")
                .setParameter(1, indication).getResultList()) {
            Object[] r = (Object[]) o;
            defaults.add(new RequirementTemplate((String) r[0], (String) r[1], (Boolean) r[2],
                    RequirementStage.valueOf((String) r[3]), checked((String) r[4]), ((Number) r[5]).intValue(),
                    texts(r[6])));
        }
        List<PayerRequirement> payer = new ArrayList<>();
        for (Object o : em.createNativeQuery("""
                        select code, description, required, stage, evidence, position, excluded, evidence_document_types
                          from payer_requirement where indication = ?1 and payer_id = ?2""")
                .setParameter(1, indication).setParameter(2, payerId).getResultList()) {
            Object[] r = (Object[]) o;
            payer.add(new PayerRequirement((String) r[0], (String) r[1], (Boolean) r[2],
                    r[3] == null ? null : RequirementStage.valueOf((String) r[3]), checked((String) r[4]),
                    r[5] == null ? null : ((Number) r[5]).intValue(), (Boolean) r[6], texts(r[7])));
        }
        return Checklist.effective(defaults, payer, reauthorization);
    }

    /** The outcome measure whose improvement documents benefit for the indication; empty when none is set. */
    public Optional<String> primaryOutcomeMeasure(String indication) {
        return em.createNativeQuery("select primary_outcome_measure from indication_default where indication = ?1")
                .setParameter(1, indication)
                .getResultStream()
                .filter(Objects::nonNull)
                .map(String.class::cast)
                .findFirst();
    }

    /**
     * The improvement in percent over baseline that documents benefit for the measure: the payer's own threshold, else
     * the default one; empty when neither is configured.
     */
    public Optional<BigDecimal> benefitThreshold(String payerId, String measure) {
        return em.createNativeQuery("""
                        select coalesce((select p.min_improvement_percent from payer_benefit_threshold p
                                          where p.payer_id = ?1 and p.measure = ?2),
                                        (select d.min_improvement_percent from benefit_threshold_default d
                                          where d.measure = ?2))""")
                .setParameter(1, payerId)
                .setParameter(2, measure)
                .getResultStream()
                .filter(Objects::nonNull)
                .map(v -> new BigDecimal(v.toString()))
                .findFirst();
    }

    /** The payer's decision clocks; a payer without its own (or a null column) keeps the default one. */
    public DecisionClock clockFor(String payerId, DecisionClock defaults) {
        List<?> rows = em.createNativeQuery("""
                        select expedited_hours, standard_hours, appeal_hours from payer_decision_clock where payer_id = ?1""")
                .setParameter(1, payerId)
                .getResultList();
        Object[] row = rows.isEmpty() ? new Object[3] : (Object[]) rows.get(0);
        return new DecisionClock(hours(row[0], defaults.expedited()), hours(row[1], defaults.standard()),
                hours(row[2], defaults.appeal()));
    }

    private static Duration hours(Object value, Duration fallback) {
        return value == null ? fallback : Duration.ofHours(((Number) value).longValue());
    }

    /** A text[] column as a list; null stays null (an item that needs no document). */
    private static List<String> texts(Object column) {
        if (column == null) {
            return null;
        }
        Object values = column;
        if (column instanceof java.sql.Array array) {
            try {
                values = array.getArray();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("cannot read a text[] column", e);
            }
        }
        if (values instanceof Object[] items) {
            return Arrays.stream(items).map(String::valueOf).toList();
        }
        if (values instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        throw new IllegalStateException("unexpected text[] value " + values.getClass().getName());
    }

    /** A condition nobody can read proves nothing: the item starts unmet for staff to confirm, and the typo is logged. */
    private static String checked(String evidence) {
        try {
            EvidenceRule.check(evidence);
            return evidence;
        } catch (IllegalArgumentException e) {
            LOG.errorf("Requirement catalogue holds an unreadable evidence condition, ignored: %s", e.getMessage());
            return null;
        }
    }
}
