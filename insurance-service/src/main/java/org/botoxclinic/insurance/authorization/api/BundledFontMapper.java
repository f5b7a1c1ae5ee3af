package org.botoxclinic.insurance.authorization.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.apache.fontbox.FontBoxFont;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.font.CIDFontMapping;
import org.apache.pdfbox.pdmodel.font.FontMapper;
import org.apache.pdfbox.pdmodel.font.FontMapping;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDCIDSystemInfo;

/**
 * PDFBox's font mapper for this service. PDFBox looks up a system font for every standard 14 font it creates (for
 * rendering glyphs, which this service never does): its default mapper scans the machine's fonts on first use, writes
 * a cache file to the home directory and logs about it, on the request thread. This one answers with the Liberation
 * Sans PDFBox ships, so writing and reading a cover sheet touches neither the file system nor the logs. Text is not
 * affected: widths and encoding come from the standard 14 font metrics.
 */
final class BundledFontMapper implements FontMapper {

    private static final String LIBERATION_SANS = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private volatile TrueTypeFont font;

    @Override
    public FontMapping<TrueTypeFont> getTrueTypeFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public FontMapping<FontBoxFont> getFontBoxFont(String baseFont, PDFontDescriptor descriptor) {
        return new FontMapping<>(font(), false);
    }

    @Override
    public CIDFontMapping getCIDFont(String baseFont, PDFontDescriptor descriptor, PDCIDSystemInfo cidSystemInfo) {
        return new CIDFontMapping(null, font(), true);
    }

    private TrueTypeFont font() {
        TrueTypeFont loaded = font;
        if (loaded == null) {
            synchronized (this) {
                if (font == null) {
                    try (InputStream in = BundledFontMapper.class.getResourceAsStream(LIBERATION_SANS)) {
                        if (in == null) {
                            throw new IllegalStateException("PDFBox's bundled " + LIBERATION_SANS + " is missing");
                        }
                        font = new TTFParser().parse(new RandomAccessReadBuffer(in));
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot read PDFBox's bundled Liberation Sans", e);
                    }
                }
                loaded = font;
            }
        }
        return loaded;
    }
}
