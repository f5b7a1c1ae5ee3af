package org.botoxclinic.insurance.authorization.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

class WinAnsiTextTest {

    private static final PDType1Font HELVETICA = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void shouldKeepLatin1AndTransliterateTheRest() {
        assertEquals("José Müller-Øberg", WinAnsiText.safe(HELVETICA, "José Müller-Øberg"));
        assertEquals("Nguyen Lukasiewicz", WinAnsiText.safe(HELVETICA, "Nguyễn Łukasiewicz"));
        assertEquals("Dvorák ?? ?", WinAnsiText.safe(HELVETICA, "Dvořák 王芳 \uD83D\uDE00"));
        assertEquals("a b c", WinAnsiText.safe(HELVETICA, "a\tb\nc"));
    }
}
