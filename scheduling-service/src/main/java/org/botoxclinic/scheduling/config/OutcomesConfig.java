package org.botoxclinic.scheduling.config;

import java.math.BigDecimal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How treatment outcomes are judged; payers and clinics draw the line differently. */
@ConfigMapping(prefix = "clinic.outcomes")
public interface OutcomesConfig {

    /**
     * The "non-responders" worklist: patients whose latest primary-measure outcome after two treatments improved by
     * less than this many percent of the baseline.
     */
    @WithDefault("30")
    BigDecimal nonResponderBelowPercent();
}
