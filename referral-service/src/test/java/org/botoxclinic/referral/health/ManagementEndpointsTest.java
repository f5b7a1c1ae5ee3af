package org.botoxclinic.referral.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

import org.botoxclinic.testkit.ClinicTestInfrastructure;
import org.botoxclinic.testkit.DevTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Health, metrics, the OpenAPI document and Swagger UI answer on the management port only, never on the API port. */
@QuarkusTest
@QuarkusTestResource(ClinicTestInfrastructure.class)
class ManagementEndpointsTest {

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/health/live", "/q/metrics", "/q/openapi", "/q/swagger-ui/"})
    void servedOnTheManagementPortOnly(String path) {
        given().get(path).then().statusCode(404);
        HealthTiming.management().get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/health", "/q/metrics"})
    void theApiPortDoesNotEvenAskForATokenForThem(String path) {
        given().auth().oauth2(DevTokens.forGroup("admin")).get(path).then().statusCode(404);
    }

    @Test
    void theOpenApiDocumentStillDescribesTheApi() {
        HealthTiming.management().get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/referrals"));
    }
}
