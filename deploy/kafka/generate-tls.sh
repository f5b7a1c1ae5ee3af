#!/bin/bash
# Makes the TLS material of compose's Kafka listener with keytool (from any JDK 17+):
#   <dir>/ca/ca.p12            the clinic's own CA (key and certificate); keep it offline, never mounted
#   <dir>/ca/ca.pem            the CA certificate
#   <dir>/broker.p12           the broker's key and certificate (CN and SAN "kafka", the compose host name),
#                              signed by the CA, with the CA in its chain; password KAFKA_KEYSTORE_PASSWORD
#   <dir>/truststore.p12       the CA certificate only, for the services and the init container;
#                              password KAFKA_TRUSTSTORE_PASSWORD
# Usage (the passwords from deploy/compose.env; the directory defaults to deploy/kafka/tls, git-ignored):
#   set -a; . deploy/compose.env; set +a; deploy/kafka/generate-tls.sh [dir]
# Extra host names for the broker certificate: KAFKA_TLS_HOSTNAMES="kafka.example.org,10.0.0.5" (DNS names or IPs).
# Refuses to overwrite existing material: remove the directory to start over (every service then needs the new
# truststore). The CA password is generated and kept in <dir>/ca/ca-password (owner-only).
set -euo pipefail

DIR="${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/tls}"
DAYS="${KAFKA_TLS_DAYS:-825}"

fail() {
    printf 'generate-tls: %s\n' "$*" >&2
    exit 1
}

password() {
    local name="$1" value="${!1:-}"
    [[ -n "$value" ]] || fail "$name is not set (see deploy/compose.env.example)"
    [[ "$value" != *CHANGE_ME* ]] || fail "$name is still the example placeholder; choose a real password"
    ((${#value} >= 12)) || fail "$name must have at least 12 characters"
    printf '%s' "$value"
}

KEYSTORE_PASSWORD="$(password KAFKA_KEYSTORE_PASSWORD)"
TRUSTSTORE_PASSWORD="$(password KAFKA_TRUSTSTORE_PASSWORD)"
command -v keytool >/dev/null || fail "keytool not found (it comes with every JDK)"
[[ ! -e "$DIR/broker.p12" && ! -e "$DIR/ca/ca.p12" ]] || fail "$DIR already holds TLS material; remove it to start over"

umask 077
mkdir -p "$DIR/ca"
CA_PASSWORD="$(head -c 32 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
printf '%s\n' "$CA_PASSWORD" >"$DIR/ca/ca-password"

SAN="dns:kafka,dns:localhost"
IFS=',' read -r -a extra <<<"${KAFKA_TLS_HOSTNAMES:-}"
for host in "${extra[@]}"; do
    host="${host// /}"
    [[ -z "$host" ]] && continue
    if [[ "$host" =~ ^[0-9.]+$ || "$host" == *:* ]]; then SAN="$SAN,ip:$host"; else SAN="$SAN,dns:$host"; fi
done

# keytool reads passwords from the environment (:env), so none appears in the process list.
export CA_PASSWORD KEYSTORE_PASSWORD TRUSTSTORE_PASSWORD

keytool -genkeypair -alias ca -keyalg RSA -keysize 3072 -validity "$DAYS" -dname "CN=Clinic Kafka CA" \
    -ext bc:c=ca:true,pathlen:0 -ext KU=keyCertSign,cRLSign \
    -keystore "$DIR/ca/ca.p12" -storetype PKCS12 -storepass:env CA_PASSWORD
keytool -exportcert -rfc -alias ca -keystore "$DIR/ca/ca.p12" -storepass:env CA_PASSWORD -file "$DIR/ca/ca.pem"

keytool -genkeypair -alias broker -keyalg RSA -keysize 3072 -validity "$DAYS" -dname "CN=kafka" -ext "SAN=$SAN" \
    -keystore "$DIR/broker.p12" -storetype PKCS12 -storepass:env KEYSTORE_PASSWORD
keytool -certreq -alias broker -keystore "$DIR/broker.p12" -storepass:env KEYSTORE_PASSWORD -file "$DIR/broker.csr"
keytool -gencert -alias ca -keystore "$DIR/ca/ca.p12" -storepass:env CA_PASSWORD -rfc -validity "$DAYS" \
    -infile "$DIR/broker.csr" -outfile "$DIR/broker.pem" \
    -ext "SAN=$SAN" -ext KU=digitalSignature,keyEncipherment -ext EKU=serverAuth,clientAuth
# The CA first, so that the signed certificate's chain can be built, then the signed certificate over the self-signed one.
keytool -importcert -noprompt -alias ca -file "$DIR/ca/ca.pem" -keystore "$DIR/broker.p12" -storepass:env KEYSTORE_PASSWORD
keytool -importcert -noprompt -alias broker -file "$DIR/broker.pem" -keystore "$DIR/broker.p12" -storepass:env KEYSTORE_PASSWORD
rm -f "$DIR/broker.csr" "$DIR/broker.pem"

keytool -importcert -noprompt -alias clinic-kafka-ca -file "$DIR/ca/ca.pem" \
    -keystore "$DIR/truststore.p12" -storetype PKCS12 -storepass:env TRUSTSTORE_PASSWORD

# The containers run as other users than this one: the broker's keystore and the truststore must be readable to them;
# their passwords protect them. The CA stays owner-only.
chmod 755 "$DIR"
chmod 644 "$DIR/broker.p12" "$DIR/truststore.p12"
printf 'generate-tls: wrote %s/broker.p12 and %s/truststore.p12 (SAN %s); CA in %s/ca (keep it private)\n' \
    "$DIR" "$DIR" "$SAN" "$DIR"
