package org.botoxclinic.testkit;

import static io.restassured.RestAssured.given;

import java.net.URI;

import io.quarkus.test.common.http.TestHTTPResourceManager;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to a {@code @QuarkusTest}'s management interface, where health, metrics and the API documents live (never
 * on the API port).
 */
public final class ManagementInterface {

    private ManagementInterface() {
    }

    public static RequestSpecification request() {
        URI uri = URI.create(TestHTTPResourceManager.getManagementUri());
        return given().baseUri(uri.getScheme() + "://" + uri.getHost()).port(uri.getPort());
    }

    /** The Prometheus text of {@code /q/metrics}. */
    public static String metrics() {
        return request().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
