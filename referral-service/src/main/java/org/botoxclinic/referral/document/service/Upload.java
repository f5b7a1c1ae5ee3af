package org.botoxclinic.referral.document.service;

import java.nio.file.Path;
import java.util.UUID;

import org.botoxclinic.referral.document.domain.DocumentFormat;
import org.botoxclinic.referral.document.domain.DocumentType;

/**
 * A document on its way in, still a temporary file on the service's disk (never in memory): what it is said to be,
 * and once recognised what it is.
 *
 * @param format null until a {@link DocumentScreen} recognised the content
 */
public record Upload(UUID referralId, DocumentType type, String fileName, Path file, long sizeBytes,
                     DocumentFormat format) {

    public Upload recognisedAs(DocumentFormat recognised) {
        return new Upload(referralId, type, fileName, file, sizeBytes, recognised);
    }
}
