package org.botoxclinic.testkit;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real PostgreSQL and Kafka a service's {@code @QuarkusTest}s run against, started by the tests themselves:
 * {@code @QuarkusTestResource(value = ClinicTestInfrastructure.class, restrictToAnnotatedClass = false)}.
 */
public class ClinicTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.get();
        String bootstrap = EmbeddedKafkaBroker.bootstrapServers();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.createDatabase("svc"),
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password(),
                "kafka.bootstrap.servers", bootstrap);
    }

    @Override
    public void stop() {
        // The servers live as long as the test JVM, so that every test class of a module shares them.
    }
}
