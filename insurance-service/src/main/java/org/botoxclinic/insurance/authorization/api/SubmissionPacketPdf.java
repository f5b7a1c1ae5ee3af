package org.botoxclinic.insurance.authorization.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.FontMappers;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.botoxclinic.insurance.authorization.domain.AuthorizationCase;
import org.botoxclinic.insurance.authorization.domain.CaseRequirement;
import org.botoxclinic.insurance.authorization.domain.RequestedLines;
import org.botoxclinic.insurance.authorization.service.SubmissionPacket;
import org.botoxclinic.insurance.document.domain.ReferralDocument;
import org.botoxclinic.platform.domain.Coverage;
import org.botoxclinic.platform.domain.PatientIdentity;

/**
 * The payer's submission cover sheet as a PDF on US Letter pages: patient, coverage, the
 * requested lines, diagnosis codes, and the checklist with the evidence for each item by file name and SHA-256, so the
 * payer can match the documents it receives. Written in Helvetica (a standard 14 font, not embedded, WinAnsi encoded):
 * characters outside that set are transliterated ({@link WinAnsiText}) rather than failing the request.
 */
final class SubmissionPacketPdf {

    static {
        // Before the first font is created: no scan of the machine's fonts, no cache file, no log lines.
        FontMappers.set(new BundledFontMapper());
    }

    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 56;
    private static final float BODY = 10;
    private static final float SMALL = 8.5f;
    private static final DateTimeFormatter PRINTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    private SubmissionPacketPdf() {
    }

    static byte[] write(SubmissionPacket packet) {
        AuthorizationCase c = packet.authorization();
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            // Metadata travels with the file into mail clients and indexers: ids only, no patient data.
            info.setTitle("Prior authorization submission " + c.id());
            info.setCreator("Botox clinic insurance-service");
            Pages pages = new Pages(document);
            pages.title("Prior authorization request: submission cover sheet");
            pages.text(REGULAR, SMALL, "Case " + c.id() + "   Referral " + c.referralId() + "   Status " + c.status()
                    + "   Printed " + PRINTED.format(packet.printedAt().withOffsetSameInstant(ZoneOffset.UTC)));

            PatientIdentity p = c.patient();
            pages.heading("Patient");
            pages.field("Name", p.lastName() + ", " + p.firstName());
            pages.field("Date of birth", String.valueOf(p.dateOfBirth()));
            pages.field("Sex", p.sex());

            Coverage cover = c.coverage();
            pages.heading("Payer");
            pages.field("Payer", cover.payerName() + " (" + cover.payerId() + ")");
            pages.field("Member id", cover.memberId());
            if (cover.groupNumber() != null) {
                pages.field("Group number", cover.groupNumber());
            }
            if (cover.planType() != null) {
                pages.field("Plan type", cover.planType());
            }

            RequestedLines lines = c.lines();
            pages.heading("Requested service");
            pages.field("Indication", c.indication());
            pages.field("Diagnosis codes (ICD-10-CM)", String.join(", ", c.diagnosisCodes()));
            pages.field("Procedure (CPT)", lines.procedureCode() + "   units: " + lines.visits() + " (one per treatment)");
            pages.field("Drug (HCPCS)", lines.drugCode() + "   units: " + lines.units() + " (1 unit = 1 U onabotulinumtoxinA)");
            pages.field("Requested treatments", lines.visits() + " treatment(s) of " + lines.units() / Math.max(1, lines.visits())
                    + " units each" + (c.previousCaseId() == null ? "" : ", continuing treatment (reauthorization of case "
                    + c.previousCaseId() + ")"));

            pages.heading("Payer checklist");
            Map<UUID, ReferralDocument> byId = packet.documentsById();
            for (CaseRequirement r : c.checklist().items()) {
                String status = r.met() ? "MET" : r.required() ? "NOT MET" : "NOT MET (optional)";
                pages.text(BOLD, BODY, "[" + status + "] " + r.code());
                pages.indented(REGULAR, BODY, r.description());
                if (r.met() && r.metBy() != null) {
                    pages.indented(REGULAR, SMALL, "met by: " + metBy(r.metBy()));
                }
                if (r.note() != null && !r.note().isBlank()) {
                    pages.indented(REGULAR, SMALL, "note: " + r.note());
                }
                if (r.evidenceDocumentTypes() != null) {
                    pages.indented(REGULAR, SMALL, "evidence needed: " + String.join(" or ", r.evidenceDocumentTypes()));
                }
                if (r.evidenceDocumentIds().isEmpty()) {
                    pages.indented(REGULAR, SMALL, "evidence: none linked");
                }
                for (UUID id : r.evidenceDocumentIds()) {
                    ReferralDocument d = byId.get(id);
                    if (d == null) {
                        pages.indented(REGULAR, SMALL, "evidence: document " + id);
                        continue;
                    }
                    pages.indented(REGULAR, SMALL, "evidence: " + d.fileName() + " (" + d.documentType() + ")");
                    pages.indentedTwice(REGULAR, SMALL, "sha256 " + d.sha256());
                }
            }

            pages.heading("Documents of the referral");
            if (packet.documents().isEmpty()) {
                pages.text(REGULAR, BODY, "none attached");
            }
            for (ReferralDocument d : packet.documents()) {
                pages.text(REGULAR, BODY, d.fileName() + " (" + d.documentType() + ", " + d.contentType() + ", "
                        + d.sizeBytes() + " bytes)");
                pages.indented(REGULAR, SMALL, "sha256 " + d.sha256());
            }
            pages.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("the submission packet of case " + c.id() + " could not be written", e);
        }
    }

    private static String metBy(String metBy) {
        return switch (metBy) {
            case CaseRequirement.MET_BY_REFERRAL -> "the referral's clinical details";
            case CaseRequirement.MET_BY_OUTCOME -> "recorded treatment outcome";
            case CaseRequirement.MET_BY_STAFF -> "authorization staff";
            default -> metBy;
        };
    }

    /** Lines down the page, wrapped to the width, onto a new page (numbered at the foot) when one is full. */
    private static final class Pages {

        private final PDDocument document;
        private final List<PDPage> written = new ArrayList<>();
        private PDPageContentStream stream;
        private float y;
        private final float width = PDRectangle.LETTER.getWidth() - 2 * MARGIN;

        Pages(PDDocument document) throws IOException {
            this.document = document;
            newPage();
        }

        void title(String text) throws IOException {
            text(BOLD, 15, text);
            y -= 4;
        }

        void heading(String text) throws IOException {
            y -= 8;
            text(BOLD, 12, text);
        }

        void field(String label, String value) throws IOException {
            text(REGULAR, BODY, label + ": " + (value == null ? "" : value));
        }

        void indented(PDType1Font font, float size, String text) throws IOException {
            write(font, size, text, 14);
        }

        void indentedTwice(PDType1Font font, float size, String text) throws IOException {
            write(font, size, text, 28);
        }

        void text(PDType1Font font, float size, String text) throws IOException {
            write(font, size, text, 0);
        }

        private void write(PDType1Font font, float size, String text, float indent) throws IOException {
            for (String line : wrap(font, size, WinAnsiText.safe(font, text), width - indent)) {
                float leading = size * 1.35f;
                if (y - leading < MARGIN) {
                    newPage();
                }
                y -= leading;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(line);
                stream.endText();
            }
        }

        private static List<String> wrap(PDType1Font font, float size, String text, float max) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (width(font, size, candidate) <= max) {
                    line.setLength(0);
                    line.append(candidate);
                    continue;
                }
                if (!line.isEmpty()) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                // A word wider than the line (a long file name) is cut where it must be.
                String rest = word;
                while (width(font, size, rest) > max) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(font, size, rest.substring(0, cut)) > max) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            }
            lines.add(line.toString());
            return lines;
        }

        private static float width(PDType1Font font, float size, String text) throws IOException {
            return font.getStringWidth(text) / 1000 * size;
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PDRectangle.LETTER);
            document.addPage(page);
            written.add(page);
            stream = new PDPageContentStream(document, page);
            y = page.getMediaBox().getHeight() - MARGIN;
        }

        /** Closes the last page and numbers them all: "page 2 of 3". */
        void finish() throws IOException {
            stream.close();
            int total = written.size();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream foot = new PDPageContentStream(document, written.get(i),
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    foot.beginText();
                    foot.setFont(REGULAR, SMALL);
                    foot.newLineAtOffset(MARGIN, MARGIN / 2);
                    foot.showText("page " + (i + 1) + " of " + total);
                    foot.endText();
                }
            }
        }
    }
}
