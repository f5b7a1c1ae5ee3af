package org.botoxclinic.insurance.messaging;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import org.botoxclinic.testkit.EmbeddedPostgresServer;

/**
 * The service's database reached through a login of its own (not the server's superuser), so that a test can have
 * the server refuse that login for a while, as a fail-over does. Overrides the shared infrastructure's datasource,
 * and shortens the inbox's longest back-off so that recovery is seen within seconds.
 */
public class OwnLoginDatabase implements QuarkusTestResourceLifecycleManager {

    static final String LOGIN = "insurance_" + UUID.randomUUID().toString().substring(0, 8);

    @Override
    public Map<String, String> start() {
        String password = UUID.randomUUID().toString();
        String url = EmbeddedPostgresServer.get().createDatabaseWithOwnLogin("svc_own_login", LOGIN, password);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", LOGIN,
                "quarkus.datasource.password", password,
                "clinic.inbox.retry-max-delay", "2s");
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
