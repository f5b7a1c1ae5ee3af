package org.botoxclinic.referral.document.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.botoxclinic.platform.domain.UnsupportedContentException;
import org.botoxclinic.referral.document.domain.ContentRecognition;
import org.botoxclinic.referral.document.domain.DocumentFormat;

/** The built-in screen: the content type comes from the bytes, never the file name or the declared part type. */
@ApplicationScoped
public class ContentTypeScreen implements DocumentScreen {

    public static final String UNSUPPORTED = "UNSUPPORTED_DOCUMENT_CONTENT";

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Upload screen(Upload upload) {
        DocumentFormat format = ContentRecognition.recognise(() -> open(upload))
                .orElseThrow(() -> new UnsupportedContentException(UNSUPPORTED,
                        "file: the content is none of PDF, PNG, JPEG, C-CDA XML (ClinicalDocument, urn:hl7-org:v3) or "
                                + "plain UTF-8 text; it is judged from the bytes, not the file name",
                        Map.of("field", "file", "accepted",
                                Arrays.stream(DocumentFormat.values()).map(DocumentFormat::contentType).toList())));
        return upload.recognisedAs(format);
    }

    private static InputStream open(Upload upload) {
        try {
            return Files.newInputStream(upload.file());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
