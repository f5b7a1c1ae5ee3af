package org.botoxclinic.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenRequestTest {

    @Test
    void staffGroupWithDefaults() {
        TokenRequest request = TokenRequest.parse(List.of("intake"));

        assertEquals("intake", request.group());
        assertNull(request.partnerId());
        assertEquals(Duration.ofHours(8), request.lifetime());
    }

    @Test
    void partnerWithIdAndLifetime() {
        TokenRequest request = TokenRequest.parse(List.of("partner", "--ttl", "2", "--partner", "pcp-42"));

        assertEquals("pcp-42", request.partnerId());
        assertEquals(Duration.ofHours(2), request.lifetime());
    }

    @Test
    void rejectsWhatNoEndpointWouldAccept() {
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("nurse")));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("partner")));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("admin", "--partner", "p1")));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("admin", "--ttl", "0")));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("admin", "--ttl", "25")));
        assertEquals(Duration.ofHours(24), TokenRequest.parse(List.of("admin", "--ttl", "24")).lifetime());
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("admin", "--ttl", "soon")));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("admin", "--ttl")));
        assertThrows(IllegalArgumentException.class, () -> TokenRequest.parse(List.of("admin", "--role", "x")));
    }
}
