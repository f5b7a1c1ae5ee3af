package org.botoxclinic.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.botoxclinic.platform.security.DevelopmentCredentials.Setting;
import org.jose4j.jwk.PublicJsonWebKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevelopmentCredentialsTest {

    private static final String PRODUCTION_ISSUER = "https://idp.example.org/realms/clinic";
    private static final String LOCATION = DevelopmentCredentials.KEY_LOCATION;

    @TempDir
    Path dir;

    @Test
    void theDevelopmentKeyIsRefusedWithoutDevelopmentMode() {
        Optional<String> refusal = DevelopmentCredentials.refusal(false, PRODUCTION_ISSUER, key(devKeyPem()));

        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().startsWith(LOCATION + " names the development public key"), refusal.get());
        assertTrue(refusal.get().contains("clinic.dev-mode"), refusal.get());
        assertFalse(refusal.get().contains("\n"), "one line");
    }

    @Test
    void theDevelopmentKeyIsTrustedInDevelopmentMode() {
        assertEquals(Optional.empty(), DevelopmentCredentials.refusal(true, DevelopmentCredentials.ISSUER, key(devKeyPem())));
    }

    @Test
    void aCopyUnderAnotherNameAndWrappingIsRecognizedByItsMaterial() throws Exception {
        String body = Base64.getEncoder().encodeToString(DevelopmentCredentials.publicKeysIn(devKeyPem()).get(0).getEncoded());
        Path copy = Files.writeString(dir.resolve("idp-signing-key.pem"),
                "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");

        String material = DevelopmentCredentials.read(copy.toString());

        assertTrue(DevelopmentCredentials.refusal(false, PRODUCTION_ISSUER, key(material)).isPresent());
    }

    @Test
    void theDevelopmentKeyInsideAJwkSetIsRecognized() throws Exception {
        PublicKey dev = DevelopmentCredentials.publicKeysIn(devKeyPem()).get(0);
        String other = PublicJsonWebKey.Factory.newPublicJwk(anotherKey()).toJson();
        String jwks = "{\"keys\":[" + other + "," + PublicJsonWebKey.Factory.newPublicJwk(dev).toJson() + "]}";
        Path file = Files.writeString(dir.resolve("jwks.json"), jwks);

        assertTrue(DevelopmentCredentials.refusal(false, PRODUCTION_ISSUER, key(DevelopmentCredentials.read(file.toString())))
                .isPresent());
    }

    @Test
    void anotherKeyWithTheProvidersIssuerStarts() throws Exception {
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(anotherKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertEquals(Optional.empty(), DevelopmentCredentials.refusal(false, PRODUCTION_ISSUER, key(pem)));
    }

    @Test
    void theDevelopmentIssuerIsRefusedWithoutDevelopmentModeWhateverTheKey() throws Exception {
        String jwks = "{\"keys\":[" + PublicJsonWebKey.Factory.newPublicJwk(anotherKey()).toJson() + "]}";

        Optional<String> refusal = DevelopmentCredentials.refusal(false, "urn:clinic:dev", key(jwks));

        assertTrue(refusal.isPresent());
        assertTrue(refusal.get().startsWith("mp.jwt.verify.issuer is the development issuer urn:clinic:dev"), refusal.get());
        assertEquals(Optional.empty(), DevelopmentCredentials.refusal(true, "urn:clinic:dev", key(jwks)));
    }

    @Test
    void anUnreadableOrRemoteKeyIsLeftToSmallryeJwt() {
        assertEquals(Optional.empty(), DevelopmentCredentials.refusal(false, PRODUCTION_ISSUER,
                List.of(new Setting(LOCATION, null), new Setting(LOCATION, "not a key"))));
    }

    @Test
    void theFingerprintIsThatOfTheCommittedDevelopmentKey() {
        PublicKey dev = DevelopmentCredentials.publicKeysIn(devKeyPem()).get(0);

        assertEquals(DevelopmentCredentials.KEY_SHA256, DevelopmentCredentials.fingerprint(dev));
    }

    private static List<Setting> key(String material) {
        return List.of(new Setting(LOCATION, material));
    }

    private static String devKeyPem() {
        return DevelopmentCredentials.read("dev-jwt/publicKey.pem");
    }

    private static PublicKey anotherKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair().getPublic();
    }
}
