package org.botoxclinic.referral.document;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import org.botoxclinic.referral.referral.ReferralFixturesAccess;
import org.botoxclinic.testkit.DevTokens;

/** Documents of each kind the clinic takes and of kinds it refuses, and what the database holds of them. */
final class Documents {

    static final byte[] PDF = ("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 0, 1);
    static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xFF, 0xD9);
    static final byte[] CCDA = """
            <?xml version="1.0" encoding="UTF-8"?>
            <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:sdtc="urn:hl7-org:sdtc">
              <realmCode code="US"/>
              <templateId root="2.16.840.1.113883.10.20.22.1.1" extension="2015-08-01"/>
              <title>Referral note</title>
            </ClinicalDocument>
            """.getBytes(StandardCharsets.UTF_8);
    static final byte[] TEXT = "Headache diary, October\n1\tmigraine, 6 h\n2\tnone\r\nÜbelkeit am 3.\n".getBytes(StandardCharsets.UTF_8);
    /** A Windows executable's header. */
    static final byte[] EXE = bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0);
    /** A ZIP archive's local file header. */
    static final byte[] ZIP = bytes('P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0x21, 0, 'a', '.', 'p', 'd', 'f');

    private Documents() {
    }

    static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh referral of the partner's, as its id. */
    static String referralOf(String partner) {
        return given().auth().oauth2(DevTokens.forPartner(partner)).contentType(ContentType.JSON)
                .body(ReferralFixturesAccess.body("EXT-" + UUID.randomUUID()))
                .post("/api/referrals").then().statusCode(201).extract().path("id");
    }

    static ValidatableResponse upload(String token, String referralId, String type, String fileName, byte[] content,
                                      String declaredType) {
        return given().auth().oauth2(token)
                .multiPart("type", type)
                .multiPart("file", fileName, content, declaredType)
                .post("/api/referrals/" + referralId + "/documents").then();
    }

    static long count(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a refused upload must leave as it was: documents, chunks, timeline entries, outbox rows of the referral. */
    record Footprint(long documents, long chunks, long entries, long events, long deliveries) {

        static Footprint of(DataSource dataSource, String referralId) {
            UUID id = UUID.fromString(referralId);
            return new Footprint(
                    count(dataSource, "select count(*) from referral_document where referral_id = ?", id),
                    count(dataSource, "select count(*) from referral_document_chunk"),
                    count(dataSource, "select count(*) from timeline_entry where referral_id = ?", id),
                    count(dataSource, "select count(*) from outbox_event where event_key = ?", referralId),
                    count(dataSource, "select count(*) from webhook_delivery where referral_id = ?", id));
        }
    }
}
