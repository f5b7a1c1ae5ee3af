package org.botoxclinic.referral.document.domain;

/** The kinds of content the clinic takes, each recognised from its bytes ({@link ContentRecognition}). */
public enum DocumentFormat {
    PDF("application/pdf"),
    PNG("image/png"),
    JPEG("image/jpeg"),
    /** An HL7 C-CDA document: XML whose root is {@code ClinicalDocument} in the {@code urn:hl7-org:v3} namespace. */
    CCDA("application/xml"),
    PLAIN_TEXT("text/plain; charset=UTF-8");

    private final String contentType;

    DocumentFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }
}
