package org.botoxclinic.testkit;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real PostgreSQL and Kafka a service's {@code @QuarkusTest}s run against, started by the tests themselves:
 * {@code @QuarkusTestResource(value = ClinicTestInfrastructure.class, restrictToAnnotatedClass = false)}.
 */
public class ClinicTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // As in production: migrations as the database's owner, the service as its runtime login.
        Map<String, String> config = new HashMap<>(EmbeddedPostgresServer.get().createServiceDatabase("svc").quarkusConfig());
        config.put("kafka.bootstrap.servers", EmbeddedKafkaBroker.bootstrapServers());
        return config;
    }

    @Override
    public void stop() {
        // The servers live as long as the test JVM, so that every test class of a module shares them.
    }
}
