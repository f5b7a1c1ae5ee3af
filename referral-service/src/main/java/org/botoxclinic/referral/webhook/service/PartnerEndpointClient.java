package org.botoxclinic.referral.webhook.service;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.botoxclinic.referral.webhook.domain.WebhookTarget;

/**
 * POSTs one webhook call to a partner's endpoint, and nothing more: HTTP/1.1, one connection per call.
 * <ul>
 * <li>The host is resolved once, every address is checked ({@link WebhookTarget#checkAddresses}), and the connection
 * goes to a checked address itself, so a name that resolves differently a moment later (DNS rebinding) cannot move
 * the call. The Host header, TLS SNI and the certificate's host name check use the name the partner registered.</li>
 * <li>The whole call (resolution, connect, TLS, request, answer) has one hard deadline: at the deadline the socket
 * is closed, whatever the partner is doing (a trickling answer included).</li>
 * <li>Of the answer only the status line and headers (at most {@value #MAX_HEADER_BYTES} bytes) and at most
 * {@value #MAX_BODY_BYTES} bytes of the body are read, then discarded. The call succeeds once the answer is
 * complete or the cap is reached.</li>
 * <li>Failures are described in words safe to show to the partner: never a resolved address.</li>
 * </ul>
 */
public class PartnerEndpointClient implements AutoCloseable {

    public static final int MAX_HEADER_BYTES = 16 * 1024;
    public static final int MAX_BODY_BYTES = 4 * 1024;

    /** Resolves a host name to its addresses (the system resolver in production). */
    @FunctionalInterface
    public interface HostResolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The call failed; the reason is safe to show to the partner. */
    public static final class CallFailed extends Exception {
        public CallFailed(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HostResolver resolver;
    private final SSLSocketFactory tls;
    private final ScheduledExecutorService watchdog;
    private final ExecutorService resolvers;

    public PartnerEndpointClient(HostResolver resolver, SSLSocketFactory tls) {
        this.resolver = resolver;
        this.tls = tls;
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("webhook-deadline"));
        this.resolvers = Executors.newCachedThreadPool(daemon("webhook-resolve"));
    }

    public static PartnerEndpointClient withSystemDefaults() {
        return new PartnerEndpointClient(InetAddress::getAllByName, (SSLSocketFactory) SSLSocketFactory.getDefault());
    }

    /** @return the status code the partner answered, once the answer is complete (or its body reached the cap) */
    public int post(String url, Map<String, String> headers, byte[] body, Duration deadline, WebhookTarget.Rules rules)
            throws CallFailed {
        long end = System.nanoTime() + deadline.toNanos();
        String late = "no complete answer within " + describe(deadline);
        WebhookTarget target;
        InetAddress[] addresses;
        try {
            target = WebhookTarget.parse(url, rules);
            // Resolved once: the addresses checked are the ones connected to.
            addresses = resolve(target.host(), end, late);
            WebhookTarget.checkAddresses(addresses, rules);
        } catch (WebhookTarget.Refused e) {
            throw new CallFailed("target refused: url " + e.reason());
        }
        AtomicBoolean cut = new AtomicBoolean();
        AtomicReference<Socket> current = new AtomicReference<>();
        ScheduledFuture<?> deadlineCut = watchdog.schedule(() -> {
            cut.set(true);
            closeQuietly(current.get());
        }, Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        try {
            Socket socket = connect(target, addresses, end, current, cut, late);
            return exchange(socket, target, headers, body, end);
        } catch (CallFailed e) {
            throw cut.get() ? new CallFailed(late) : e;
        } catch (IOException e) {
            if (cut.get() || System.nanoTime() - end >= 0 || e instanceof java.net.SocketTimeoutException) {
                throw new CallFailed(late);
            }
            throw new CallFailed(describe(e));
        } finally {
            deadlineCut.cancel(false);
            closeQuietly(current.get());
        }
    }

    private InetAddress[] resolve(String host, long end, String late) throws CallFailed, WebhookTarget.Refused {
        CompletableFuture<InetAddress[]> lookup = CompletableFuture.supplyAsync(() -> {
            try {
                return resolver.resolve(host);
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        }, resolvers);
        try {
            return lookup.get(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            lookup.cancel(true);
            throw new CallFailed(late);
        } catch (ExecutionException e) {
            throw new WebhookTarget.Refused(WebhookTarget.DOES_NOT_RESOLVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed("interrupted");
        }
    }

    private Socket connect(WebhookTarget target, InetAddress[] addresses, long end, AtomicReference<Socket> current,
                           AtomicBoolean cut, String late) throws IOException, CallFailed {
        IOException last = null;
        for (InetAddress address : addresses) {
            Socket plain = new Socket();
            current.set(plain);
            if (cut.get()) {
                throw new CallFailed(late);
            }
            try {
                plain.connect(new InetSocketAddress(address, target.port()), remainingMillis(end));
                plain.setTcpNoDelay(true);
            } catch (IOException e) {
                closeQuietly(plain);
                last = e;
                continue;
            }
            if (!target.secure()) {
                return plain;
            }
            // The watchdog closes the plain socket under the TLS one, which ends a blocked TLS read or write too.
            SSLSocket secure = (SSLSocket) tls.createSocket(plain, target.host(), target.port(), true);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            if (!target.hostIsLiteral()) {
                parameters.setServerNames(List.of(new SNIHostName(target.host())));
            }
            secure.setSSLParameters(parameters);
            secure.setSoTimeout(remainingMillis(end));
            secure.startHandshake();
            return secure;
        }
        throw last == null ? new ConnectException() : last;
    }

    private static int exchange(Socket socket, WebhookTarget target, Map<String, String> headers, byte[] body, long end)
            throws IOException, CallFailed {
        StringBuilder head = new StringBuilder()
                .append("POST ").append(target.requestTarget()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(target.hostHeader()).append("\r\n")
                .append("User-Agent: botox-clinic-webhooks\r\n")
                .append("Connection: close\r\n")
                .append("Content-Length: ").append(body.length).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        socket.setSoTimeout(remainingMillis(end));
        OutputStream out = socket.getOutputStream();
        out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();

        InputStream in = new BufferedInputStream(socket.getInputStream());
        Answer answer;
        do {
            answer = readHead(socket, in, end);
        } while (answer.status() / 100 == 1);
        readBodyUpToCap(socket, in, answer, end);
        return answer.status();
    }

    private record Answer(int status, long contentLength, boolean chunked) {
    }

    private static Answer readHead(Socket socket, InputStream in, long end) throws IOException, CallFailed {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        byte[] terminator = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            socket.setSoTimeout(remainingMillis(end));
            int b = in.read();
            if (b < 0) {
                throw new CallFailed("connection closed before a complete answer");
            }
            bytes.write(b);
            if (bytes.size() > MAX_HEADER_BYTES) {
                throw new CallFailed("answer headers larger than " + MAX_HEADER_BYTES + " bytes");
            }
            matched = b == terminator[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.") || !statusLine[1].matches("\\d{3}")) {
            throw new CallFailed("not an HTTP/1.1 answer");
        }
        long contentLength = -1;
        boolean chunked = false;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("content-length")) {
                try {
                    contentLength = Long.parseLong(value);
                } catch (NumberFormatException e) {
                    throw new CallFailed("answer with an invalid Content-Length");
                }
            } else if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        return new Answer(Integer.parseInt(statusLine[1]), contentLength, chunked);
    }

    /** Reads (and drops) the body until it ends or {@value #MAX_BODY_BYTES} bytes have come, whichever is first. */
    private static void readBodyUpToCap(Socket socket, InputStream in, Answer answer, long end) throws IOException {
        if (answer.status() == 204 || answer.status() == 304) {
            return;
        }
        byte[] buffer = new byte[512];
        int read = 0;
        if (answer.chunked()) {
            // The raw chunked stream, up to the cap, until its last (zero-size) chunk and the blank line after it.
            byte[] window = new byte[7];
            while (read < MAX_BODY_BYTES) {
                socket.setSoTimeout(remainingMillis(end));
                int b = in.read();
                if (b < 0) {
                    return;
                }
                System.arraycopy(window, 1, window, 0, window.length - 1);
                window[window.length - 1] = (byte) b;
                read++;
                String last = new String(window, StandardCharsets.ISO_8859_1);
                if (last.endsWith("\r\n0\r\n\r\n") || (read == 5 && last.endsWith("0\r\n\r\n"))) {
                    return;
                }
            }
            return;
        }
        long wanted = answer.contentLength() >= 0 ? Math.min(answer.contentLength(), MAX_BODY_BYTES) : MAX_BODY_BYTES;
        while (read < wanted) {
            socket.setSoTimeout(remainingMillis(end));
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, wanted - read));
            if (n < 0) {
                return;
            }
            read += n;
        }
    }

    private static int remainingMillis(long end) throws java.net.SocketTimeoutException {
        long left = TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime());
        if (left <= 0) {
            throw new java.net.SocketTimeoutException();
        }
        return (int) Math.min(Integer.MAX_VALUE, left);
    }

    /** What went wrong, in words that never carry an address. */
    static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.NoRouteToHostException) {
            return "no route to the host";
        }
        if (e instanceof javax.net.ssl.SSLHandshakeException) {
            return "TLS handshake failed (certificate not trusted or not valid for the host)";
        }
        if (e instanceof SSLException) {
            return "TLS error";
        }
        return "connection failed (" + e.getClass().getSimpleName() + ")";
    }

    private static String describe(Duration deadline) {
        return deadline.toMillis() % 1000 == 0 ? deadline.toSeconds() + "s" : deadline.toMillis() + "ms";
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is all that is wanted
            }
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        resolvers.shutdownNow();
    }
}
