package org.botoxclinic.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.botoxclinic.contracts.EventTopic;

/**
 * Who may do what on the clinic's broker, and the admin steps that make it so (the test broker and the local stack;
 * compose's init container does the same with the Kafka CLI): one SCRAM user per service; the event topics and every
 * dead-letter topic created up front by the admin, the dead-letter topics with a retention; each service may write
 * only its own topic and its own dead-letter topics, and read only the topics it consumes with its own group.
 */
public final class ClinicKafkaAccess {

    public static final String ADMIN = "admin";
    public static final int PARTITIONS = 3;
    public static final Duration DEFAULT_DEAD_LETTER_RETENTION = Duration.ofDays(14);

    /** One service's rights: it publishes one topic and consumes others, each with a dead-letter topic of its own. */
    public record ServiceAccess(String service, String user, EventTopic publishes, List<EventTopic> consumes) {

        /** The consumer group of every channel of the service (the connector's group.id); READ on it and on groups with its name as prefix. */
        public String group() {
            return service;
        }

        public List<String> deadLetterTopics() {
            return consumes.stream().map(topic -> topic.deadLetterTopicOf(service)).toList();
        }

        List<AclBinding> acls() {
            String principal = "User:" + user;
            List<AclBinding> acls = new ArrayList<>();
            for (String topic : concat(List.of(publishes.topic()), deadLetterTopics())) {
                acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.WRITE));
                acls.add(allow(ResourceType.TOPIC, topic, principal, AclOperation.DESCRIBE));
            }
            for (EventTopic topic : consumes) {
                acls.add(allow(ResourceType.TOPIC, topic.topic(), principal, AclOperation.READ));
                acls.add(allow(ResourceType.TOPIC, topic.topic(), principal, AclOperation.DESCRIBE));
            }
            // Its group, and groups named after it (an operator's replay from the start uses a fresh one).
            acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, group(), PatternType.PREFIXED),
                    new AccessControlEntry(principal, "*", AclOperation.READ, AclPermissionType.ALLOW)));
            return acls;
        }
    }

    public static final List<ServiceAccess> SERVICES = List.of(
            new ServiceAccess("referral-service", "referral", EventTopic.REFERRAL_EVENTS,
                    List.of(EventTopic.AUTHORIZATION_EVENTS, EventTopic.SCHEDULING_EVENTS)),
            new ServiceAccess("insurance-service", "insurance", EventTopic.AUTHORIZATION_EVENTS,
                    List.of(EventTopic.REFERRAL_EVENTS, EventTopic.SCHEDULING_EVENTS)),
            new ServiceAccess("scheduling-service", "scheduling", EventTopic.SCHEDULING_EVENTS,
                    List.of(EventTopic.REFERRAL_EVENTS, EventTopic.AUTHORIZATION_EVENTS)));

    private static final long TIMEOUT_SECONDS = 60;
    /**
     * Hash rounds of the services' SCRAM credentials: 4096, the least the broker accepts for SCRAM-SHA-512 and what
     * RFC 5802 asks for. The rounds slow down guessing a password from a stolen credential store; these passwords are
     * 32 random characters (about 185 bits, {@link KafkaCredentials#generate}), which no number of rounds makes
     * safer. Every client computes the rounds at each login, on the CPU a starting service needs: 8192 rounds of
     * HMAC-SHA-512 take 110 ms on a cold C1-only JVM here (40 ms once compiled), and a service opens about ten broker
     * connections as it starts (bootstrap, partition leader and group coordinator for each consumer, and so on).
     */
    static final int SCRAM_ITERATIONS = 4096;

    private ClinicKafkaAccess() {
    }

    /** The access of the service with this application name (e.g. {@code insurance-service}). */
    public static ServiceAccess of(String service) {
        return SERVICES.stream().filter(s -> s.service().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka access defined for service " + service));
    }

    /** The Kafka users: the admin and one per service. */
    public static List<String> users() {
        return concat(List.of(ADMIN), SERVICES.stream().map(ServiceAccess::user).toList());
    }

    /**
     * Run as the admin on every start, so that it holds for a new broker and for one formatted before (formatting
     * an existing log directory ignores its SCRAM users): sets each service user's password, creates the missing
     * topics, sets the dead-letter retention and grants the ACLs (all idempotent).
     */
    public static void provision(Admin admin, Collection<KafkaCredentials> serviceUsers, Duration deadLetterRetention)
            throws Exception {
        List<UserScramCredentialAlteration> users = serviceUsers.stream()
                .<UserScramCredentialAlteration>map(c -> new UserScramCredentialUpsertion(c.username(),
                        new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), c.password()))
                .toList();
        admin.alterUserScramCredentials(users).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        String retention = String.valueOf(deadLetterRetention.toMillis());
        Set<String> deadLetterTopics = SERVICES.stream().flatMap(s -> s.deadLetterTopics().stream())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<NewTopic> topics = new ArrayList<>();
        for (EventTopic topic : EventTopic.values()) {
            topics.add(new NewTopic(topic.topic(), PARTITIONS, (short) -1));
        }
        for (String topic : deadLetterTopics) {
            topics.add(new NewTopic(topic, PARTITIONS, (short) -1)
                    .configs(Map.of(TopicConfig.RETENTION_MS_CONFIG, retention)));
        }
        admin.createTopics(topics).values().forEach((name, created) -> {
            try {
                created.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("could not create topic " + name, e.getCause());
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not create topic " + name, e);
            }
        });
        // Topics created before keep their settings otherwise: a changed retention applies to them too.
        Map<ConfigResource, Collection<AlterConfigOp>> retentions = deadLetterTopics.stream().collect(Collectors.toMap(
                topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic),
                topic -> List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.RETENTION_MS_CONFIG, retention),
                        AlterConfigOp.OpType.SET))));
        admin.incrementalAlterConfigs(retentions).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);

        List<AclBinding> acls = SERVICES.stream().flatMap(s -> s.acls().stream()).toList();
        admin.createAcls(acls).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        awaitVisible(admin, acls);
    }

    /** A new ACL reaches the authorizer a moment after createAcls returns; a service started at once must find it. */
    private static void awaitVisible(Admin admin, List<AclBinding> acls) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!admin.describeAcls(AclBindingFilter.ANY).values().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).containsAll(acls)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not show its new ACLs within " + TIMEOUT_SECONDS + " s");
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }

    private static AclBinding allow(ResourceType type, String name, String principal, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry(principal, "*", operation, AclPermissionType.ALLOW));
    }

    private static <T> List<T> concat(List<T> first, List<T> second) {
        List<T> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
