package org.botoxclinic.insurance.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.botoxclinic.testkit.EmbeddedPostgresServer;

/**
 * The service's database reached through a runtime login with a known name, so that a test can have the server
 * refuse that login for a while, as a fail-over does (migrations ran earlier as the database's owner). Overrides the shared infrastructure's datasource,
 * and shortens the inbox's longest back-off so that recovery is seen within seconds.
 */
public class OwnLoginDatabase implements QuarkusTestResourceLifecycleManager {

    static final String LOGIN = "insurance_" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(
                EmbeddedPostgresServer.get().createServiceDatabase("svc_own_login", LOGIN).quarkusConfig());
        config.put("clinic.inbox.retry-max-delay", "2s");
        return config;
    }

    @Override
    public void stop() {
        EmbeddedPostgresServer.get().allowLogins(LOGIN);
    }

    /** After the shared infrastructure, so that this datasource wins. */
    @Override
    public int order() {
        return 100;
    }
}
