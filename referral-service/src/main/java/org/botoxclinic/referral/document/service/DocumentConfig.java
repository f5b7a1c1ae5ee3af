package org.botoxclinic.referral.document.service;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Documents attached to referrals. */
@ConfigMapping(prefix = "clinic.documents")
public interface DocumentConfig {

    /**
     * The largest document taken (413 over it). The HTTP layer's own limit ({@code quarkus.http.limits.max-body-size})
     * must leave room for it and the form around it: the service refuses to start otherwise.
     */
    @WithDefault("25M")
    MemorySize maxBytes();
}
