package org.botoxclinic.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOnlyASignedTokenForThePartner() {
        int status = run("partner", "--partner", "pcp-7");

        String printed = out.toString(StandardCharsets.UTF_8).strip();
        String[] parts = printed.split("\\.");
        assertEquals(0, status);
        assertEquals(3, parts.length, "header.payload.signature, nothing else on stdout");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"groups\":[\"partner\"]"), claims);
        assertTrue(claims.contains("\"partner_id\":\"pcp-7\""), claims);
        assertTrue(claims.contains("\"iss\":\"urn:clinic:dev\""), claims);
        assertTrue(claims.contains("\"aud\":\"clinic-api\""), claims);
        assertTrue(claims.contains("\"iat\":"), claims);
    }

    @Test
    void unknownGroupIsAUsageError() {
        int status = run("nurse");

        assertEquals(2, status);
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: token <partner|intake|authorizations"));
    }

    private int run(String... args) {
        return TokenCommand.run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }
}
