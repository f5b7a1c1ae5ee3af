package org.botoxclinic.console.upstream;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A service's problem+json as the console reads it: the named members, and every extension member kept as a fact. */
class ProblemTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    @Test
    void extensionMembersAreKeptAsFacts() throws Exception {
        Problem problem = JSON.readValue("""
                {"type":"urn:clinic:problem:slot-unavailable","title":"Slot unavailable","status":409,
                 "code":"SLOT_UNAVAILABLE","detail":"the time is taken","nearestFreeTimes":["10:15","10:30"],
                 "earliestDate":"2027-01-27","violations":[{"field":"startTime","message":"is taken"}]}
                """, Problem.class);
        assertEquals("SLOT_UNAVAILABLE", problem.code());
        assertEquals(List.of("10:15", "10:30"), problem.factList("nearestFreeTimes"));
        assertEquals("2027-01-27", problem.fact("earliestDate"));
        assertEquals("is taken", problem.messageFor("startTime").orElseThrow());
        assertNull(problem.fact("unitsAllowed"));
        assertEquals(List.of(), problem.factList("unitsAllowed"));
    }

    @Test
    void aProblemWithoutExtensionsHasNoFacts() throws Exception {
        Problem problem = JSON.readValue("{\"status\":400,\"code\":\"CONSTRAINT_VIOLATION\"}", Problem.class);
        assertEquals(0, problem.facts().size());
        assertEquals(0, Problem.ofStatus(503).facts().size());
    }
}
