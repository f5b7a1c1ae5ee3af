import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Posts N distinct referrals with C concurrent clients against a running referral-service and prints the
 * throughput and the latency percentiles. Run with bench/referral-intake.sh (it mints the token).
 *
 *   java bench/ReferralIntakeBench.java <baseUrl> <partnerToken> <requests> <concurrency> [warmup]
 *
 * With --rate it offers a fixed load instead (an open model, as bench/intake.sh uses it): one new referral every
 * 1/rate seconds for the given seconds, sent by at most C requests in flight, each latency counted from when the
 * request was due, not from when a client was free to send it (no coordinated omission). 2 x C unmeasured requests
 * open the connections first. Each sending thread keeps its own HTTP/1.1 connection open (KeepAliveConnection).
 *
 *   java bench/ReferralIntakeBench.java <baseUrl> <partnerToken> --rate <perSecond> <seconds> <concurrency>
 */
public class ReferralIntakeBench {

    public static void main(String[] args) throws Exception {
        if (args.length < 4) {
            System.err.println("usage: ReferralIntakeBench <baseUrl> <partnerToken> <requests> <concurrency> [warmup]");
            System.exit(2);
        }
        String baseUrl = args[0];
        String token = args[1];
        if (args[2].equals("--rate")) {
            atRate(baseUrl, token, Double.parseDouble(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            return;
        }
        int requests = Integer.parseInt(args[2]);
        int concurrency = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : Math.min(200, requests / 5);
        String template = Files.readString(Path.of("contracts/examples/referral-submission.json"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.printf("warm-up: %d requests%n", warmup);
        execute(http, baseUrl, token, template, run + "-w", warmup, concurrency);
        System.out.printf("measuring: %d distinct referrals, %d concurrent clients%n", requests, concurrency);
        Result result = execute(http, baseUrl, token, template, run, requests, concurrency);

        long[] sorted = result.latenciesNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        double seconds = result.wallNanos / 1e9;
        System.out.printf("requests:   %d in %.2f s%n", sorted.length, seconds);
        System.out.printf("throughput: %.1f referrals/s%n", sorted.length / seconds);
        System.out.printf("latency:    p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99), sorted[sorted.length - 1] / 1e6);
        System.out.printf("statuses:   %s%n", new TreeMap<>(result.statuses));
        if (result.statuses.keySet().stream().anyMatch(status -> status != 201)) {
            System.exit(1);
        }
    }

    private record Result(List<Long> latenciesNanos, Map<Integer, Integer> statuses, long wallNanos) {
    }

    private static Result execute(HttpClient http, String baseUrl, String token, String template, String run,
                                  int requests, int concurrency) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Future<List<Long>>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < concurrency; c++) {
            workers.add(clients.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    String body = distinct(template, run + "-" + i);
                    HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/referrals"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    long sent = System.nanoTime();
                    int status;
                    try {
                        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (java.io.IOException e) {
                        status = -1;
                    }
                    latencies.add(System.nanoTime() - sent);
                    statuses.merge(status, 1, Integer::sum);
                }
                return latencies;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> worker : workers) {
            all.addAll(worker.get());
        }
        long wall = System.nanoTime() - start;
        clients.shutdown();
        return new Result(all, statuses, wall);
    }

    private static void atRate(String baseUrl, String token, double perSecond, int seconds, int concurrency)
            throws Exception {
        String template = Files.readString(Path.of("contracts/examples/referral-submission.json"));
        URI target = URI.create(baseUrl + "/api/referrals");
        String run = UUID.randomUUID().toString().substring(0, 8);
        // Each of the C sending threads keeps one HTTP/1.1 connection open (keep-alive), as wrk does: the JDK's
        // HttpClient cost the two shared cores about 0.5 ms of CPU per request besides its JIT, which went missing
        // from the service being measured.
        ThreadLocal<KeepAliveConnection> connections = ThreadLocal.withInitial(() -> new KeepAliveConnection(target, token));
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
        List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        // Unmeasured: open the connections and load the client's classes, so the first due requests do not wait.
        List<Future<?>> warm = new ArrayList<>();
        for (int i = 0; i < concurrency * 2; i++) {
            byte[] body = distinct(template, run + "-w" + i).getBytes(StandardCharsets.UTF_8);
            warm.add(clients.submit(() -> connections.get().post(body)));
        }
        for (Future<?> request : warm) {
            request.get();
        }
        long interval = (long) (1e9 / perSecond);
        int total = (int) Math.round(perSecond * seconds);
        List<Future<?>> sent = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            byte[] body = distinct(template, run + "-r" + i).getBytes(StandardCharsets.UTF_8);
            sent.add(clients.submit(() -> {
                int status = connections.get().post(body);
                latencies.add(System.nanoTime() - due);
                statuses.merge(status, 1, Integer::sum);
                return null;
            }));
        }
        for (Future<?> request : sent) {
            request.get();
        }
        long wall = System.nanoTime() - start;
        clients.shutdown();
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        // The client's own CPU over its whole life (start-up and warm-up included): it shares the machine with the
        // service, so its cost is printed beside the latencies it measured.
        long clientCpu = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        System.out.printf("RATE_RESULT offered=%.1f achieved=%.1f requests=%d p50_ms=%.1f p99_ms=%.1f max_ms=%.1f client_cpu_ms=%.0f statuses=%s%n",
                perSecond, sorted.length / (wall / 1e9), sorted.length, percentile(sorted, 50), percentile(sorted, 99),
                sorted[sorted.length - 1] / 1e6, clientCpu / 1e6, new TreeMap<>(statuses));
    }

    /**
     * One HTTP/1.1 connection kept open between requests: writes a POST, reads the status line, the headers and the
     * body (Content-Length or chunked). Reconnects when the server closes it or it fails; a request that fails on
     * its connection counts as status -1.
     */
    static final class KeepAliveConnection {
        private final URI target;
        private final byte[] head;
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        KeepAliveConnection(URI target, String token) {
            this.target = target;
            this.head = ("POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + target.getPort()
                    + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\nContent-Length: ")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        int post(byte[] body) {
            try {
                if (socket == null) {
                    socket = new Socket();
                    socket.setTcpNoDelay(true);
                    socket.connect(new InetSocketAddress(target.getHost(), target.getPort()), 5000);
                    socket.setSoTimeout(30_000);
                    in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
                }
                out.write(head);
                out.write((body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
                String statusLine = line();
                int status = Integer.parseInt(statusLine.substring(9, 12));
                long length = -1;
                boolean chunked = false;
                boolean close = false;
                for (String header = line(); !header.isEmpty(); header = line()) {
                    String name = header.substring(0, header.indexOf(':')).trim().toLowerCase(java.util.Locale.ROOT);
                    String value = header.substring(header.indexOf(':') + 1).trim();
                    switch (name) {
                        case "content-length" -> length = Long.parseLong(value);
                        case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                        case "connection" -> close = value.equalsIgnoreCase("close");
                        default -> { }
                    }
                }
                if (chunked) {
                    for (long size = Long.parseLong(line().split(";")[0].trim(), 16); size > 0;
                            size = Long.parseLong(line().split(";")[0].trim(), 16)) {
                        skip(size);
                        line();
                    }
                    while (!line().isEmpty()) {
                        // trailers
                    }
                } else if (length > 0) {
                    skip(length);
                }
                if (close) {
                    close();
                }
                return status;
            } catch (IOException | RuntimeException e) {
                close();
                return -1;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new EOFException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        private void skip(long bytes) throws IOException {
            for (long left = bytes; left > 0; ) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new EOFException("connection closed");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
        }
    }

    private static double percentile(long[] sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /**
     * The example submission as a distinct referral of a distinct patient: its own external id, and its own member id,
     * phone and birth date, so that every submission finds no patient and creates one, as bench/intake.sh's SQL floor
     * does (one patient behind every referral would instead make each submission lock that patient's row and match it).
     */
    static String distinct(String template, String key) {
        int hash = key.hashCode() & 0x7fffffff;
        return template.replace("NFP-2026-000123", "BENCH-" + key)
                .replace("W123456789", "W-" + key)
                .replace("555-0100", String.format("555%07d", hash % 10_000_000))
                .replace("1984-05-17", String.format("%d-%02d-%02d", 1940 + hash % 66, 1 + hash / 66 % 12, 1 + hash / 792 % 28));
    }
}
