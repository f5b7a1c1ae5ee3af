#!/bin/bash
# Entry point of compose's Kafka container (apache/kafka:4.1.2): writes the broker's configuration from the
# environment, formats an empty log directory (with the admin's SCRAM login, which the broker itself uses), and
# starts the broker. Clients (the services, the init container) connect with SASL_SSL and SCRAM-SHA-512 on :9092;
# the controller listener (:9093, inside the container only) authenticates too, with SASL PLAIN as the admin: with
# a PLAINTEXT controller listener and an admin super user, the broker never finishes starting. ACLs are enforced
# (StandardAuthorizer, nothing allowed without an ACL); the admin is the only super user. Users, topics and ACLs
# are created by deploy/kafka/init-kafka.sh.
set -euo pipefail

fail() {
    printf 'start-broker: %s\n' "$*" >&2
    exit 1
}

for name in KAFKA_ADMIN_PASSWORD KAFKA_KEYSTORE_PASSWORD KAFKA_TRUSTSTORE_PASSWORD; do
    value="${!name:-}"
    [[ -n "$value" ]] || fail "$name is not set"
    [[ "$value" != *CHANGE_ME* ]] || fail "$name is still the example placeholder from deploy/compose.env.example"
    [[ "$value" =~ ^[A-Za-z0-9._-]{12,}$ ]] || fail "$name must be at least 12 letters, digits, '.', '_' or '-'"
done
TLS=/etc/kafka/tls
[[ -r "$TLS/broker.p12" && -r "$TLS/truststore.p12" ]] \
    || fail "no $TLS/broker.p12 or truststore.p12: run deploy/kafka/generate-tls.sh first (see its header)"

CONFIG_DIR=/tmp/clinic-kafka
DATA=/var/lib/kafka/data
CLUSTER_ID_FILE="$DATA/clinic-cluster-id"
umask 077
mkdir -p "$CONFIG_DIR"

cat >"$CONFIG_DIR/server.properties" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=SASL_SSL://:9092,CONTROLLER://localhost:9093
advertised.listeners=SASL_SSL://kafka:9092
listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:SASL_PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_SSL
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_ssl.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}" user_admin="${KAFKA_ADMIN_PASSWORD}";
ssl.keystore.type=PKCS12
ssl.keystore.location=$TLS/broker.p12
ssl.keystore.password=${KAFKA_KEYSTORE_PASSWORD}
ssl.key.password=${KAFKA_KEYSTORE_PASSWORD}
ssl.truststore.type=PKCS12
ssl.truststore.location=$TLS/truststore.p12
ssl.truststore.password=${KAFKA_TRUSTSTORE_PASSWORD}
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=$DATA
num.partitions=3
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=8388608
PROPERTIES

# The healthcheck's and the init container's admin login.
cat >"$CONFIG_DIR/admin.properties" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
ssl.truststore.type=PKCS12
ssl.truststore.location=$TLS/truststore.p12
ssl.truststore.password=${KAFKA_TRUSTSTORE_PASSWORD}
PROPERTIES

if [[ ! -f "$DATA/meta.properties" ]]; then
    cluster_id="$(/opt/kafka/bin/kafka-storage.sh random-uuid)"
    # The admin's SCRAM login goes in at format time; later formats of an existing directory would ignore it, so
    # a changed admin password needs kafka-configs --alter (see README) or a fresh volume.
    /opt/kafka/bin/kafka-storage.sh format --config "$CONFIG_DIR/server.properties" --cluster-id "$cluster_id" \
        --add-scram "SCRAM-SHA-512=[name=admin,password=${KAFKA_ADMIN_PASSWORD}]"
    printf '%s\n' "$cluster_id" >"$CLUSTER_ID_FILE"
fi

exec /opt/kafka/bin/kafka-server-start.sh "$CONFIG_DIR/server.properties"
