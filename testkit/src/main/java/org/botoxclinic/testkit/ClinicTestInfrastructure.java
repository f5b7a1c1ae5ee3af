package org.botoxclinic.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real PostgreSQL, Kafka and SMTP server a service's {@code @QuarkusTest}s run against, started by the tests themselves:
 * {@code @QuarkusTestResource(value = ClinicTestInfrastructure.class, restrictToAnnotatedClass = false)}. The
 * service logs in to Kafka as itself, with its own rights only: which service it is comes from
 * {@code quarkus.application.name} in its application.properties, or from the init argument {@code service}.
 */
public class ClinicTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String SERVICE_ARG = "service";

    private String service;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.get(SERVICE_ARG);
    }

    @Override
    public Map<String, String> start() {
        // As in production: migrations as the database's owner, the service as its runtime login.
        Map<String, String> config = new HashMap<>(EmbeddedPostgresServer.get().createServiceDatabase("svc").quarkusConfig());
        config.put("kafka.bootstrap.servers", EmbeddedKafkaBroker.bootstrapServers());
        config.putAll(EmbeddedKafkaBroker.service(service()).quarkusConfig());
        // A real SMTP server for services that send mail (read by their CLINIC_SMTP_* settings; the others ignore it).
        config.put("CLINIC_SMTP_HOST", SmtpSink.shared().host());
        config.put("CLINIC_SMTP_PORT", String.valueOf(SmtpSink.shared().port()));
        return config;
    }

    private String service() {
        if (service != null && !service.isBlank()) {
            return service;
        }
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = properties.getProperty("quarkus.application.name");
        if (name == null) {
            throw new IllegalStateException("ClinicTestInfrastructure needs quarkus.application.name in application.properties"
                    + " or the init argument '" + SERVICE_ARG + "' to know which service's Kafka login to use");
        }
        return name;
    }

    @Override
    public void stop() {
        // The servers live as long as the test JVM, so that every test class of a module shares them.
    }
}
