package org.botoxclinic.scheduling.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.botoxclinic.testkit.DevTokens;

/**
 * Requests a scheduler sends at the same moment: each from its own thread, all released together by one latch, so
 * that the service's locks and the database's constraints, not the test's timing, decide who wins.
 */
public final class ParallelRequests {

    /** One POST: where, and its JSON body (empty for none). */
    public record Post(URI uri, String body) {
    }

    private ParallelRequests() {
    }

    /** The same address with a body each. */
    public static List<HttpResponse<String>> postTogether(URI uri, List<String> bodies) throws Exception {
        return postTogether(bodies.stream().map(body -> new Post(uri, body)).toList());
    }

    /** The same body to each address. */
    public static List<HttpResponse<String>> postTogether(List<URI> uris, String body) throws Exception {
        return postTogether(uris.stream().map(uri -> new Post(uri, body)).toList());
    }

    /** Sends every post at once as the scheduler; the answers in the posts' order. */
    public static List<HttpResponse<String>> postTogether(List<Post> posts) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String token = DevTokens.forGroup("scheduler");
        ExecutorService pool = Executors.newFixedThreadPool(posts.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (Post post : posts) {
                HttpRequest request = HttpRequest.newBuilder(post.uri())
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(post.body().isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(post.body()))
                        .build();
                futures.add(pool.submit(() -> {
                    start.await();
                    return client.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many answers were the success status, and how many each refusal ("422:CLINIC_DAY_FULL"). */
    public static Map<String, Long> outcomes(List<HttpResponse<String>> answers, int success) {
        return answers.stream().collect(Collectors.groupingBy(r -> r.statusCode() == success ? String.valueOf(success)
                : r.statusCode() + ":" + r.body().replaceAll(".*\"code\":\"([A-Z_]+)\".*", "$1"), Collectors.counting()));
    }
}
