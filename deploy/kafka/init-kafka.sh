#!/bin/bash
# One-shot set-up of compose's Kafka, run by the kafka-init container as the admin on every `up` (idempotent):
#  - SCRAM-SHA-512 users referral, insurance and scheduling with their passwords (set again each run, so a
#    changed password in deploy/compose.env takes effect at the next `up`);
#  - the event topics and every service's dead-letter topics (<service>.<topic>.dlq), the latter with
#    retention.ms = KAFKA_DLQ_RETENTION_MS (default 14 days), applied to existing dead-letter topics too;
#  - ACLs: each service may WRITE (and DESCRIBE) only its own topic and its own dead-letter topics, READ only the
#    topics it consumes, with consumer groups named after itself. Nothing else (allow.everyone.if.no.acl.found=false).
# The same rules as the test broker's and the local stack's (testkit ClinicKafkaAccess); keep them in step.
set -euo pipefail

BOOTSTRAP=kafka:9092
BIN=/opt/kafka/bin
RETENTION_MS="${KAFKA_DLQ_RETENTION_MS:-1209600000}"

fail() {
    printf 'init-kafka: %s\n' "$*" >&2
    exit 1
}

for name in KAFKA_ADMIN_PASSWORD KAFKA_TRUSTSTORE_PASSWORD KAFKA_REFERRAL_PASSWORD KAFKA_INSURANCE_PASSWORD \
    KAFKA_SCHEDULING_PASSWORD; do
    value="${!name:-}"
    [[ -n "$value" ]] || fail "$name is not set"
    [[ "$value" != *CHANGE_ME* ]] || fail "$name is still the example placeholder from deploy/compose.env.example"
    [[ "$value" =~ ^[A-Za-z0-9._-]{12,}$ ]] || fail "$name must be at least 12 letters, digits, '.', '_' or '-'"
done
[[ "$RETENTION_MS" =~ ^[1-9][0-9]*$ ]] || fail "KAFKA_DLQ_RETENTION_MS must be a positive number of milliseconds"

umask 077
ADMIN=/tmp/admin.properties
cat >"$ADMIN" <<PROPERTIES
security.protocol=SASL_SSL
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="${KAFKA_ADMIN_PASSWORD}";
ssl.truststore.type=PKCS12
ssl.truststore.location=/etc/kafka/tls/truststore.p12
ssl.truststore.password=${KAFKA_TRUSTSTORE_PASSWORD}
PROPERTIES

user() {
    "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter \
        --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" >/dev/null
    echo "init-kafka: user $1"
}

topic() {
    "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --create --if-not-exists \
        --topic "$1" --partitions 3 --replication-factor 1 "${@:2}" >/dev/null
}

allow() {
    local user="$1"
    shift
    "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --add \
        --allow-principal "User:$user" "$@" >/dev/null
}

# service user publishes consumes...
service() {
    local service="$1" user="$2" publishes="$3" consumed dlq
    shift 3
    allow "$user" --operation Write --operation Describe --topic "$publishes"
    for consumed in "$@"; do
        dlq="$service.$consumed.dlq"
        topic "$dlq" --config "retention.ms=$RETENTION_MS"
        "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" --alter \
            --entity-type topics --entity-name "$dlq" --add-config "retention.ms=$RETENTION_MS" >/dev/null
        allow "$user" --operation Write --operation Describe --topic "$dlq"
        allow "$user" --operation Read --operation Describe --topic "$consumed"
    done
    allow "$user" --operation Read --group "$service" --resource-pattern-type prefixed
    echo "init-kafka: $service may write $publishes and its dead-letter topics, read $*"
}

user referral "$KAFKA_REFERRAL_PASSWORD"
user insurance "$KAFKA_INSURANCE_PASSWORD"
user scheduling "$KAFKA_SCHEDULING_PASSWORD"
for t in referral-events authorization-events scheduling-events; do
    topic "$t"
done
service referral-service referral referral-events authorization-events scheduling-events
service insurance-service insurance authorization-events referral-events scheduling-events
service scheduling-service scheduling scheduling-events referral-events authorization-events
echo "init-kafka: done (dead-letter retention ${RETENTION_MS} ms)"
