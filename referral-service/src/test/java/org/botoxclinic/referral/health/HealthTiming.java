package org.botoxclinic.referral.health;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.botoxclinic.testkit.ManagementInterface;

/** Calls a health endpoint (on the management port) and fails unless it answered within a second, whatever it answered. */
final class HealthTiming {

    static final long LIMIT_MILLIS = 1000;

    private HealthTiming() {
    }

    /** The status without a time limit: for waiting until the freshly started service has warmed up. */
    static int status(String path) {
        return management().get(path).statusCode();
    }

    static Response timed(String path) {
        long start = System.nanoTime();
        Response response = management().get(path);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("%s answered %d in %d ms%n", path, response.statusCode(), millis);
        assertTrue(millis < LIMIT_MILLIS, path + " took " + millis + " ms: " + response.asString());
        return response;
    }

    /** Requests to the management interface, where health, metrics and the API documents live. */
    static RequestSpecification management() {
        return ManagementInterface.request();
    }
}
