package org.botoxclinic.referral.document.domain;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Decides what a document is from its bytes alone, never from its name or the type a client declares: PDF
 * ({@code %PDF-}), PNG and JPEG by their signatures; markup (first non-blank character {@code <}) only when it is a
 * C-CDA document, judged by its root element, read without DTDs or external entities; anything else only when it is
 * plain text: valid UTF-8 without NUL or other control characters besides tab, CR and LF. Reads as a stream, in
 * bounded memory, whatever the size.
 */
public final class ContentRecognition {

    public static final String HL7_V3_NAMESPACE = "urn:hl7-org:v3";
    public static final String CCDA_ROOT = "ClinicalDocument";

    private static final byte[] PDF = {'%', 'P', 'D', 'F', '-'};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int HEAD = 1024;

    private ContentRecognition() {
    }

    /**
     * @param content opens the content from its first byte (called up to twice)
     * @return the format, or empty when the content is none the clinic takes
     */
    public static Optional<DocumentFormat> recognise(Supplier<InputStream> content) {
        byte[] head;
        try (InputStream in = content.get()) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (startsWith(head, PDF)) {
            return Optional.of(DocumentFormat.PDF);
        }
        if (startsWith(head, PNG)) {
            return Optional.of(DocumentFormat.PNG);
        }
        if (startsWith(head, JPEG)) {
            return Optional.of(DocumentFormat.JPEG);
        }
        if (isMarkup(head)) {
            return isClinicalDocument(content) ? Optional.of(DocumentFormat.CCDA) : Optional.empty();
        }
        return isPlainText(content) ? Optional.of(DocumentFormat.PLAIN_TEXT) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, byte[] signature) {
        return head.length >= signature.length && Arrays.equals(head, 0, signature.length, signature, 0, signature.length);
    }

    /** The first character after an optional UTF-8 byte order mark and blanks is {@code <}. */
    static boolean isMarkup(byte[] head) {
        int i = startsWith(head, UTF8_BOM) ? UTF8_BOM.length : 0;
        while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    /**
     * Reads the prolog and the root element only. A DTD is refused outright (a C-CDA document has none), so no
     * entity is ever expanded and nothing outside the document is fetched.
     */
    static boolean isClinicalDocument(Supplier<InputStream> content) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setXMLResolver((publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resources are not read");
        });
        try (InputStream in = content.get()) {
            XMLStreamReader reader = factory.createXMLStreamReader(in);
            try {
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                        return false;
                    }
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        return CCDA_ROOT.equals(reader.getLocalName()) && HL7_V3_NAMESPACE.equals(reader.getNamespaceURI());
                    }
                }
                return false;
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Valid UTF-8 throughout, and no control character but tab, CR and LF (a NUL marks binary content). */
    static boolean isPlainText(Supplier<InputStream> content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(64 * 1024);
        CharBuffer chars = CharBuffer.allocate(64 * 1024);
        try (InputStream in = content.get()) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (read < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + read);
                }
                bytes.flip();
                CoderResult result = decoder.decode(bytes, chars, end);
                if (result.isError()) {
                    return false;
                }
                if (end && decoder.flush(chars).isError()) {
                    return false;
                }
                bytes.compact();
                chars.flip();
                while (chars.hasRemaining()) {
                    if (isRefusedControl(chars.get())) {
                        return false;
                    }
                }
                chars.clear();
            }
            return !end || bytes.position() == 0;
        } catch (CharacterCodingException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRefusedControl(char c) {
        return Character.getType(c) == Character.CONTROL && c != '\t' && c != '\r' && c != '\n';
    }
}
