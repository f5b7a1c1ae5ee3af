package org.botoxclinic.insurance.authorization.api;

import java.io.IOException;
import java.text.Normalizer;
import java.util.Map;

import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text a standard 14 font can show. Those fonts are WinAnsi encoded (about Latin-1): a name such as "Nguyễn" or
 * "Łukasz" would make PDFBox refuse the whole document. Each character the font cannot encode becomes its base letter
 * ("ễ" to "e"), a known Latin look-alike ("Ł" to "L"), or "?"; control characters become spaces.
 */
final class WinAnsiText {

    /** Letters that do not decompose into a base letter and a mark. */
    private static final Map<Integer, String> LOOK_ALIKES = Map.ofEntries(
            Map.entry((int) 'Ł', "L"), Map.entry((int) 'ł', "l"), Map.entry((int) 'Đ', "D"), Map.entry((int) 'đ', "d"),
            Map.entry((int) 'Ħ', "H"), Map.entry((int) 'ħ', "h"), Map.entry((int) 'ı', "i"), Map.entry((int) 'Ŀ', "L"), Map.entry((int) 'ŀ', "l"), Map.entry((int) 'Ŧ', "T"),
            Map.entry((int) 'ŧ', "t"), Map.entry((int) '\u2010', "-"), Map.entry((int) '\u2011', "-"), Map.entry((int) '\u2212', "-"));

    private WinAnsiText() {
    }

    static String safe(PDFont font, String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> out.append(safe(font, cp)));
        return out.toString();
    }

    private static String safe(PDFont font, int codePoint) {
        if (Character.isISOControl(codePoint) || Character.isWhitespace(codePoint)) {
            return " ";
        }
        String character = new String(Character.toChars(codePoint));
        if (encodable(font, character)) {
            return character;
        }
        String base = Normalizer.normalize(character, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        if (!base.isEmpty() && encodable(font, base)) {
            return base;
        }
        String lookAlike = LOOK_ALIKES.get(codePoint);
        return lookAlike != null && encodable(font, lookAlike) ? lookAlike : "?";
    }

    private static boolean encodable(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException | IOException e) {
            return false;
        }
    }
}
