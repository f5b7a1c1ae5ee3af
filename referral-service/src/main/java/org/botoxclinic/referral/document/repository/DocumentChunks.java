package org.botoxclinic.referral.document.repository;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * A document's bytes, in rows of {@link #CHUNK_BYTES} ({@code referral_document_chunk}), written and read one chunk
 * at a time, so that no document is ever whole in memory whatever its size. Plain JDBC: Hibernate would load a
 * {@code bytea} whole.
 */
@ApplicationScoped
public class DocumentChunks {

    /** 256 KiB: few rows for a large document, little memory per row in flight. */
    public static final int CHUNK_BYTES = 256 * 1024;

    private final EntityManager em;
    private final DataSource dataSource;

    public DocumentChunks(EntityManager em, DataSource dataSource) {
        this.em = em;
        this.dataSource = dataSource;
    }

    /** What was written: the byte count and the SHA-256 of the bytes, lowercase hex. */
    public record Written(long sizeBytes, String sha256) {
    }

    /**
     * Writes the content in chunks, in the caller's transaction (on its connection), computing its SHA-256 on the way.
     * The document's row may follow in the same transaction: the chunks' reference to it is checked at commit.
     */
    public Written write(UUID documentId, InputStream content) {
        MessageDigest sha256 = sha256();
        long[] size = {0};
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into referral_document_chunk (document_id, seq, bytes) values (?, ?, ?)")) {
                byte[] buffer = new byte[CHUNK_BYTES];
                int seq = 0;
                int read;
                while ((read = content.readNBytes(buffer, 0, CHUNK_BYTES)) > 0) {
                    sha256.update(buffer, 0, read);
                    insert.setObject(1, documentId);
                    insert.setInt(2, seq++);
                    insert.setBinaryStream(3, new ByteArrayInputStream(buffer, 0, read), read);
                    insert.executeUpdate();
                    size[0] += read;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return new Written(size[0], HexFormat.of().formatHex(sha256.digest()));
    }

    /**
     * Copies the document's bytes to the output chunk by chunk, each read on a pooled connection held only while that
     * chunk is read (chunks never change once written), so that a slow reader holds no connection, no transaction and
     * at most one chunk in memory.
     *
     * @return the number of bytes copied
     */
    public long copy(UUID documentId, OutputStream out) throws IOException {
        long copied = 0;
        for (int seq = 0; ; seq++) {
            byte[] chunk = chunk(documentId, seq);
            if (chunk == null) {
                return copied;
            }
            out.write(chunk);
            copied += chunk.length;
        }
    }

    private byte[] chunk(UUID documentId, int seq) throws IOException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select bytes from referral_document_chunk where document_id = ? and seq = ?")) {
            select.setObject(1, documentId);
            select.setInt(2, seq);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getBytes(1) : null;
            }
        } catch (SQLException e) {
            throw new IOException("reading document " + documentId + " failed (SQLState " + e.getSQLState() + ")", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
