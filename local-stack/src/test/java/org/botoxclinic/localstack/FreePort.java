package org.botoxclinic.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Lets the tests run next to a local stack that already holds the fixed ports. A port is handed out once per test
 * JVM: the system may offer a port it just released again, and a broker given the same port for its two listeners
 * refuses to start.
 */
final class FreePort {

    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (HANDED_OUT.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free port not handed out before");
    }
}
