package org.botoxclinic.referral.webhook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ServerSocketFactory;

/**
 * Partner endpoints on this machine, as raw HTTP/1.1 over a socket so that they can misbehave: answer at once, or
 * send the status line and headers and then trickle the body one byte a second (paced by a scheduler, never by
 * sleeping), or never finish the headers. Each records the requests it received.
 */
final class PartnerEndpoints {

    /** One request as received: method line, headers (lower-case names), body, and when it was complete. */
    record Received(String requestLine, Map<String, String> headers, String body, Instant at) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    enum Behaviour { ANSWER_204, ANSWER_204_AFTER_300_MS, TRICKLE_BODY, TRICKLE_HEADERS, HUGE_BODY, CHUNKED_200 }

    static final class Endpoint implements AutoCloseable {
        private final ServerSocket server;
        private final Behaviour behaviour;
        private final ExecutorService connections = Executors.newCachedThreadPool(daemon());
        private final ScheduledExecutorService pacer = Executors.newScheduledThreadPool(2, daemon());
        final List<Received> received = new CopyOnWriteArrayList<>();
        final List<Socket> open = new CopyOnWriteArrayList<>();

        Endpoint(Behaviour behaviour, ServerSocketFactory factory) throws IOException {
            this.behaviour = behaviour;
            this.server = factory.createServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            connections.submit(this::accept);
        }

        int port() {
            return server.getLocalPort();
        }

        String url(String scheme, String host) {
            return scheme + "://" + host + ":" + port() + "/hooks?token=partner-own";
        }

        private void accept() {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    open.add(socket);
                    connections.submit(() -> serve(socket));
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void serve(Socket socket) {
            try {
                InputStream in = socket.getInputStream();
                Received request = read(in);
                if (request == null) {
                    return;
                }
                if (socket instanceof javax.net.ssl.SSLSocket tls) {
                    request.headers().put(":sni", ((javax.net.ssl.ExtendedSSLSession) tls.getSession())
                            .getRequestedServerNames().stream().map(n -> ((javax.net.ssl.SNIHostName) n).getAsciiName())
                            .findFirst().orElse(""));
                }
                received.add(request);
                OutputStream out = socket.getOutputStream();
                switch (behaviour) {
                    case ANSWER_204 -> {
                        out.write("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        socket.close();
                    }
                    case ANSWER_204_AFTER_300_MS -> pacer.schedule(() -> {
                        try (socket) {
                            out.write("HTTP/1.1 204 No Content\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        } catch (IOException e) {
                            // cut off
                        }
                    }, 300, TimeUnit.MILLISECONDS);
                    case TRICKLE_BODY -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        trickle(socket, "x");
                    }
                    case TRICKLE_HEADERS -> {
                        out.write("HTTP/1.1 200 OK\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        trickle(socket, "X-Slow: y\r\n");
                    }
                    case HUGE_BODY -> {
                        out.write("HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        byte[] chunk = new byte[8192];
                        try {
                            for (int i = 0; i < 10000000 / chunk.length; i++) {
                                out.write(chunk);
                            }
                        } catch (IOException closedByTheClient) {
                            // the client stopped reading at its cap and closed: expected
                        }
                    }
                    case CHUNKED_200 -> {
                        out.write(("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
                                .getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                        // keeps the connection open: the client must see the body's end by itself
                    }
                }
            } catch (IOException e) {
                // the client cut the connection
            }
        }

        private void trickle(Socket socket, String piece) {
            pacer.scheduleAtFixedRate(() -> {
                try {
                    socket.getOutputStream().write(piece.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                } catch (IOException e) {
                    throw new IllegalStateException("cut off", e);
                }
            }, 1, 1, TimeUnit.SECONDS);
        }

        /** Whether every connection it accepted has been closed by the client (a trickle cut off). */
        boolean clientsClosed() {
            return open.stream().allMatch(s -> {
                try {
                    s.setSoTimeout(1);
                    return s.getInputStream().read() < 0;
                } catch (java.net.SocketTimeoutException e) {
                    return false;
                } catch (IOException e) {
                    return true;
                }
            });
        }

        @Override
        public void close() throws IOException {
            pacer.shutdownNow();
            connections.shutdownNow();
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
        }
    }

    static Endpoint start(Behaviour behaviour) throws IOException {
        return new Endpoint(behaviour, ServerSocketFactory.getDefault());
    }

    static Endpoint start(Behaviour behaviour, ServerSocketFactory factory) throws IOException {
        return new Endpoint(behaviour, factory);
    }

    private static Received read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        Map<String, String> headers = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        byte[] body = in.readNBytes(length);
        return new Received(lines[0], headers, new String(body, StandardCharsets.UTF_8), Instant.now());
    }

    private static java.util.concurrent.ThreadFactory daemon() {
        return runnable -> {
            Thread thread = new Thread(runnable, "partner-endpoint");
            thread.setDaemon(true);
            return thread;
        };
    }

    private PartnerEndpoints() {
    }
}
