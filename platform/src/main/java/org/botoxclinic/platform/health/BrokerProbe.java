package org.botoxclinic.platform.health;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/**
 * Whether the Kafka broker answers, asked (at most every few seconds, while someone reads the answer) by a small
 * admin client on its own thread; it
 * feeds the messaging health group and a gauge, never readiness, since the API works without the broker.
 */
@ApplicationScoped
public class BrokerProbe {

    private final BackgroundProbe probe;
    private final Map<String, Object> adminConfig = new HashMap<>();
    private final int timeoutMillis;
    private final java.time.Duration firstProbeAfter;
    private Admin admin;

    public BrokerProbe(HealthConfig config, MeterRegistry meters,
                       @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        HealthConfig.Broker broker = config.broker();
        this.firstProbeAfter = broker.firstProbeAfter();
        this.timeoutMillis = (int) broker.timeout().toMillis();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                adminConfig.put(key, value);
            }
        });
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-probe");
        adminConfig.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMillis);
        adminConfig.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMillis);
        adminConfig.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        this.probe = new BackgroundProbe("kafka-broker", this::ask, broker.every(), broker.staleAfter(), broker.answerWait());
        meters.gauge("clinic.health.kafka.broker.up", this, self -> self.state().up() ? 1 : 0);
    }

    /**
     * The first probe, which nobody waits for, runs a few seconds after start: its client's login (SCRAM, thousands
     * of hash rounds on a JVM still compiling) would otherwise compete with the start-up for the CPU. A health
     * check or metrics scrape before then probes at once, as any read does.
     */
    void start(@Observes StartupEvent started) {
        probe.start(firstProbeAfter);
    }

    void stop(@Observes ShutdownEvent stopping) {
        probe.stop();
        if (admin != null) {
            admin.close(java.time.Duration.ofSeconds(1));
        }
    }

    BackgroundProbe.State state() {
        return probe.state();
    }

    private void ask() throws Exception {
        if (admin == null) {
            admin = Admin.create(adminConfig);
        }
        admin.describeCluster(new DescribeClusterOptions().timeoutMs(timeoutMillis)).nodes()
                .get(timeoutMillis + 500L, TimeUnit.MILLISECONDS);
    }
}
