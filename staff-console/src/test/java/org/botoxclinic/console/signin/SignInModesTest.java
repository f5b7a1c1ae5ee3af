package org.botoxclinic.console.signin;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The console starts with exactly one way of signing in: development sign-in or OIDC, never both, never neither. */
class SignInModesTest {

    private static final String DEV_KEY = "classpath:dev-jwt/privateKey.pem";

    @Test
    void bothModesOnRefuseToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SignInModes(true).check(null, dev(true, DEV_KEY)));
        assertTrue(refused.getMessage().contains("CLINIC_DEV_MODE=true with OIDC sign-in on"), refused.getMessage());
    }

    @Test
    void neitherModeRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SignInModes(false).check(null, dev(false, DEV_KEY)));
        assertTrue(refused.getMessage().contains("no sign-in configured"), refused.getMessage());
    }

    @Test
    void developmentSignInWithoutItsKeyRefusesToStart() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new SignInModes(false).check(null, dev(true, "")));
        assertTrue(refused.getMessage().contains("CLINIC_CONSOLE_DEV_SIGNING_KEY"), refused.getMessage());
    }

    @Test
    void exactlyOneModeStarts() {
        assertDoesNotThrow(() -> new SignInModes(true).check(null, dev(false, "")));
        assertDoesNotThrow(() -> new SignInModes(false).check(null, dev(true, DEV_KEY)));
    }

    private static DevSignIn dev(boolean on, String key) {
        return new DevSignIn(on, Optional.of(key), "urn:clinic:dev", "clinic-api", Duration.ofHours(1));
    }
}
