package org.botoxclinic.referral.document.service;

/**
 * A check every uploaded document passes before anything of it is stored: the place where a virus scanner plugs
 * in. Each {@code @ApplicationScoped} implementation is called, lowest {@link #order()} first, with the upload still
 * a temporary file; it reads the file as a stream, and refuses the document by throwing a domain refusal (for a
 * scanner, {@code RuleRefusedException} with its own code: 422, nothing stored), or returns the upload, perhaps
 * with what it learnt. The built-in screen, {@link ContentTypeScreen} (order 0), recognises the content type from
 * the bytes and refuses anything else (415).
 */
public interface DocumentScreen {

    /** Lower first; the built-in content-type recognition is 0, so a scanner (say 100) sees a recognised upload. */
    default int order() {
        return 100;
    }

    Upload screen(Upload upload);
}
