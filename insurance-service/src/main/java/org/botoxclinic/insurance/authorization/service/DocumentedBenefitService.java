package org.botoxclinic.insurance.authorization.service;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.DocumentedBenefit;
import org.botoxclinic.insurance.authorization.domain.MeasuredOutcome;
import org.botoxclinic.insurance.authorization.repository.AuthorizationCaseRepository;
import org.botoxclinic.insurance.authorization.repository.IndicationCatalogueRepository;
import org.botoxclinic.insurance.outcome.domain.ReferralOutcome;
import org.botoxclinic.insurance.outcome.repository.ReferralOutcomeRepository;
import org.botoxclinic.platform.time.Timestamps;
import org.jboss.logging.Logger;

/**
 * Documents benefit on the checklists that ask for it: each treatment outcome is kept by referral, and the latest one
 * of the indication's primary measure decides the DOCUMENTED_BENEFIT item against the payer's threshold, now or when
 * the reauthorization case opens later.
 */
@ApplicationScoped
public class DocumentedBenefitService {

    private static final Logger LOG = Logger.getLogger(DocumentedBenefitService.class);

    private final AuthorizationCaseRepository cases;
    private final ReferralOutcomeRepository outcomes;
    private final IndicationCatalogueRepository catalogue;
    private final CaseAudit audit;
    private final Clock clock;

    public DocumentedBenefitService(AuthorizationCaseRepository cases, ReferralOutcomeRepository outcomes,
                                    IndicationCatalogueRepository catalogue, CaseAudit audit, Clock clock) {
        this.cases = cases;
        this.outcomes = outcomes;
        this.catalogue = catalogue;
        this.audit = audit;
        this.clock = clock;
    }

    /** Runs inside the inbox's transaction: keeps the outcome (once), then re-assesses the referral's open checklists. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ReferralOutcome outcome) {
        if (!outcomes.remember(outcome)) {
            LOG.infof("Outcome %s of referral %s is already recorded", outcome.outcomeId(), outcome.referralId());
            return;
        }
        int assessed = 0;
        for (AuthorizationCase c : cases.ofReferralLocked(outcome.referralId())) {
            if (assess(c)) {
                assessed++;
            }
        }
        LOG.infof("Outcome %s recorded for referral %s (%s); %d checklist(s) re-assessed", outcome.outcomeId(),
                outcome.referralId(), outcome.measure(), assessed);
    }

    /**
     * Decides the case's documented-benefit item from the latest outcome of its indication's primary measure, if the
     * checklist has the item, may still change, and an outcome of that measure is known. @return whether it changed
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean assess(AuthorizationCase c) {
        if (!c.awaitsDocumentedBenefit()) {
            return false;
        }
        Optional<String> measure = catalogue.primaryOutcomeMeasure(c.indication());
        Optional<ReferralOutcome> latest = measure.flatMap(m -> outcomes.latest(c.referralId(), m));
        if (latest.isEmpty()) {
            return false;
        }
        ReferralOutcome o = latest.get();
        DocumentedBenefit.Assessment assessment = DocumentedBenefit.assess(
                new MeasuredOutcome(o.measure(), o.value(), o.baselineValue(), o.improvementPercent(), o.assessedOn()),
                catalogue.benefitThreshold(c.coverage().payerId(), o.measure()).orElse(null));
        if (!c.assessBenefit(assessment, Timestamps.now(clock))) {
            return false;
        }
        audit.record("ASSESS_BENEFIT", c);
        LOG.infof("Documented benefit on case %s %s by outcome %s", c.id(), assessment.met() ? "met" : "not met",
                o.outcomeId());
        return true;
    }
}
