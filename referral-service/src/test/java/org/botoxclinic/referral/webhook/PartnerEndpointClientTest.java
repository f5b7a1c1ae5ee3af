package org.botoxclinic.referral.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.botoxclinic.referral.webhook.PartnerEndpoints.Behaviour;
import org.botoxclinic.referral.webhook.PartnerEndpoints.Endpoint;
import org.botoxclinic.referral.webhook.domain.WebhookTarget;
import org.botoxclinic.referral.webhook.service.PartnerEndpointClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The webhook client against real sockets on this machine: deadlines, caps, pinned addresses, TLS names. */
class PartnerEndpointClientTest {

    private static final WebhookTarget.Rules DEVELOPMENT = new WebhookTarget.Rules(true, false, true);
    private static final WebhookTarget.Rules NO_PRIVATE = new WebhookTarget.Rules(true, false, false);
    private static final Duration DEADLINE = Duration.ofSeconds(1);
    private static final byte[] BODY = "{\"referralId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path keys;
    private static SSLContext server;
    private static SSLContext client;

    private final AtomicInteger lookups = new AtomicInteger();
    /** partner.test and other.test are this machine; anything else does not resolve. */
    private final PartnerEndpointClient.HostResolver resolver = host -> {
        lookups.incrementAndGet();
        if (host.equals("partner.test") || host.equals("other.test")) {
            return new InetAddress[] {InetAddress.getLoopbackAddress()};
        }
        if (host.equals("private.partner.test")) {
            return new InetAddress[] {InetAddress.getByName("10.1.2.3")};
        }
        if (host.equals("127.0.0.1")) {
            return InetAddress.getAllByName(host);
        }
        throw new UnknownHostException(host);
    };
    private PartnerEndpointClient http;
    private Endpoint endpoint;

    @BeforeAll
    static void makeACertificateForPartnerTest() throws Exception {
        Path keystore = keys.resolve("partner.p12");
        Path cert = keys.resolve("partner.crt");
        Path truststore = keys.resolve("trust.p12");
        keytool("-genkeypair", "-alias", "partner", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=partner.test",
                "-ext", "san=dns:partner.test", "-validity", "2", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", "changeit", "-keypass", "changeit");
        keytool("-exportcert", "-alias", "partner", "-keystore", keystore.toString(), "-storepass", "changeit",
                "-file", cert.toString());
        keytool("-importcert", "-noprompt", "-alias", "partner", "-file", cert.toString(), "-keystore", truststore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit");
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(keystore), "changeit".toCharArray());
        server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(truststore));
        client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
    }

    private static KeyStore load(Path path) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(path.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        return store;
    }

    private static void keytool(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
    }

    @AfterEach
    void stop() throws IOException {
        if (endpoint != null) {
            endpoint.close();
        }
        if (http != null) {
            http.close();
        }
    }

    private int post(String url, WebhookTarget.Rules rules) throws PartnerEndpointClient.CallFailed {
        return http.post(url, Map.of("Clinic-Delivery-Id", "42"), BODY, DEADLINE, rules);
    }

    private String failure(String url, WebhookTarget.Rules rules) {
        return assertThrows(PartnerEndpointClient.CallFailed.class, () -> post(url, rules)).getMessage();
    }

    @Test
    void shouldCallTheCheckedAddressWithTheRegisteredNameInTheHostHeader() throws Exception {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        endpoint = PartnerEndpoints.start(Behaviour.ANSWER_204);
        assertEquals(204, post(endpoint.url("http", "partner.test"), DEVELOPMENT));
        PartnerEndpoints.Received request = endpoint.received.get(0);
        assertEquals("POST /hooks?token=partner-own HTTP/1.1", request.requestLine());
        assertEquals("partner.test:" + endpoint.port(), request.header("Host"));
        assertEquals("42", request.header("Clinic-Delivery-Id"));
        assertEquals("{\"referralId\":\"r-1\"}", request.body());
        // Resolved once: what was checked is what was connected to.
        assertEquals(1, lookups.get());
    }

    @Test
    void shouldCutATricklingBodyAtTheDeadlineAndCloseTheConnection() throws Exception {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        endpoint = PartnerEndpoints.start(Behaviour.TRICKLE_BODY);
        long started = System.nanoTime();
        assertEquals("no complete answer within 1s", failure(endpoint.url("http", "partner.test"), DEVELOPMENT));
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(DEADLINE.minusMillis(50)) >= 0 && took.compareTo(DEADLINE.plusMillis(800)) < 0, took.toString());
        await().atMost(Duration.ofSeconds(5)).until(endpoint::clientsClosed);
    }

    @Test
    void shouldCutTricklingHeadersAtTheDeadline() throws Exception {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        endpoint = PartnerEndpoints.start(Behaviour.TRICKLE_HEADERS);
        long started = System.nanoTime();
        assertEquals("no complete answer within 1s", failure(endpoint.url("http", "partner.test"), DEVELOPMENT));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(DEADLINE.plusMillis(800)) < 0);
    }

    @Test
    void shouldReadAHugeBodyOnlyUpToTheCap() throws Exception {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        endpoint = PartnerEndpoints.start(Behaviour.HUGE_BODY);
        long started = System.nanoTime();
        assertEquals(200, post(endpoint.url("http", "partner.test"), DEVELOPMENT));
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(DEADLINE) < 0);
    }

    @Test
    void shouldSeeTheEndOfAChunkedBodyWithoutWaitingForTheConnectionToClose() throws Exception {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        endpoint = PartnerEndpoints.start(Behaviour.CHUNKED_200);
        assertEquals(200, post(endpoint.url("http", "partner.test"), DEVELOPMENT));
    }

    @Test
    void shouldRefuseAHostResolvingToAPrivateAddressWithoutNamingIt() {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        String refused = failure("http://private.partner.test:8080/hooks", NO_PRIVATE);
        assertEquals("target refused: url " + WebhookTarget.NOT_PUBLIC, refused);
        assertFalse(refused.contains("10.1.2.3"));
        assertEquals("target refused: url " + WebhookTarget.DOES_NOT_RESOLVE, failure("http://nowhere.test/hooks", NO_PRIVATE));
        assertEquals("target refused: url must use port 443",
                failure("https://partner.test:8443/hooks", WebhookTarget.Rules.production()));
    }

    @Test
    void shouldTellAConnectionRefusedWithoutTheAddress() throws Exception {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String refused = failure("http://127.0.0.1:" + closedPort + "/hooks", DEVELOPMENT);
        assertEquals("connection refused", refused);
    }

    @Test
    void shouldSendSniAndCheckTheCertificateAgainstTheRegisteredName() throws Exception {
        http = new PartnerEndpointClient(resolver, client.getSocketFactory());
        endpoint = PartnerEndpoints.start(Behaviour.ANSWER_204, server.getServerSocketFactory());
        assertEquals(204, post(endpoint.url("https", "partner.test"), DEVELOPMENT));
        PartnerEndpoints.Received request = endpoint.received.get(0);
        assertEquals("partner.test", request.header(":sni"));
        assertEquals("partner.test:" + endpoint.port(), request.header("Host"));
        // The same server and address under a name its certificate does not carry: refused.
        String refused = failure(endpoint.url("https", "other.test"), DEVELOPMENT);
        assertTrue(refused.startsWith("TLS handshake failed"), refused);
        assertFalse(refused.contains("127.0.0.1"));
        assertEquals(1, endpoint.received.size());
    }
}
