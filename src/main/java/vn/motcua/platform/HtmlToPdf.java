package vn.motcua.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.Diagnostic;
import com.openhtmltopdf.util.XRLog;
import com.openhtmltopdf.util.XRLogger;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * XHTML to A4 PDF with Liberation Serif embedded: the dossier's printed forms, and any other document set like an
 * administrative one (a demo's form templates). Decree 30/2020/NĐ-CP Appendix I asks for Times New Roman (Unicode,
 * TCVN 6909:2001); Liberation Serif has the same metrics, every Vietnamese letter (the PDF base fonts have none
 * of ễ, ơ, ư…) and a free licence (SIL OFL 1.1, bundled with the files under {@code /fonts/liberation-serif/}).
 * The font files are read once; each document embeds the subset it uses.
 */
@Component
public class HtmlToPdf {

    static final String FONT_FAMILY = "Liberation Serif";
    static final String FONTS = "/fonts/liberation-serif/";
    /** A tag (Thymeleaf escapes "<" and ">" inside attribute values, so a tag ends at the first ">"). */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    /**
     * What a line must not break inside: the form of address "Ông/Bà" and the number of a document, legal
     * ("175/2024/NĐ-CP", "03/2025/TT-VPCP") or a letter's ("07/SXD-VP", Decree 30/2020/NĐ-CP's "Số, ký hiệu"),
     * which the renderer would otherwise break after a slash or a hyphen.
     */
    private static final Pattern UNBREAKABLE = Pattern.compile("[Ôô]ng/[Bb]à|\\d+/(?:\\d{4}/)?\\p{Lu}+(?:-\\p{Lu}+)*",
            Pattern.UNICODE_CHARACTER_CLASS);

    static {
        // The renderer writes to the console by default, several lines per document: route it to SLF4J, its
        // chatter (INFO) at DEBUG.
        XRLog.setLoggerImpl(new Slf4jLogger());
    }

    private final byte[] regular;
    private final byte[] bold;
    private final byte[] oblique;
    private final byte[] boldOblique;

    HtmlToPdf() {
        this.regular = font("LiberationSerif-Regular.ttf");
        this.bold = font("LiberationSerif-Bold.ttf");
        this.oblique = font("LiberationSerif-Italic.ttf");
        this.boldOblique = font("LiberationSerif-BoldItalic.ttf");
    }

    public byte[] render(String xhtml) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withProducer("motcua");
        builder.useFont(() -> stream(regular), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> stream(bold), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        builder.useFont(() -> stream(oblique), FONT_FAMILY, 400, FontStyle.ITALIC, true);
        builder.useFont(() -> stream(boldOblique), FONT_FAMILY, 700, FontStyle.ITALIC, true);
        // The forms carry what people typed: nothing in them may make the server fetch a file or a URL.
        builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"),
                ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI);
        builder.withHtmlContent(keepTogether(xhtml), null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    /**
     * The text of {@code xhtml} with each {@link #UNBREAKABLE} run in a span that does not wrap. The rest of such a
     * text is put in plain spans too: the renderer writes a parent's own text before its spans' text, so that
     * copied or extracted text would otherwise come out of order.
     */
    static String keepTogether(String xhtml) {
        StringBuilder out = new StringBuilder(xhtml.length() + 512);
        Matcher tag = TAG.matcher(xhtml);
        int text = 0;
        while (tag.find()) {
            nowrap(xhtml.substring(text, tag.start()), out);
            out.append(tag.group());
            text = tag.end();
        }
        nowrap(xhtml.substring(text), out);
        return out.toString();
    }

    private static void nowrap(String text, StringBuilder out) {
        Matcher run = UNBREAKABLE.matcher(text);
        if (!run.find()) {
            out.append(text);
            return;
        }
        int from = 0;
        do {
            span(text.substring(from, run.start()), out);
            out.append("<span style=\"white-space: nowrap\">").append(run.group()).append("</span>");
            from = run.end();
        } while (run.find());
        span(text.substring(from), out);
    }

    private static void span(String text, StringBuilder out) {
        if (!text.isEmpty()) {
            out.append("<span>").append(text).append("</span>");
        }
    }

    private static InputStream stream(byte[] font) {
        return new ByteArrayInputStream(font);
    }

    /** A font file of the bundled family ({@code LiberationSerif-Regular.ttf}), for a document drawn otherwise. */
    public static byte[] font(String file) {
        try (InputStream in = HtmlToPdf.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONTS + file + " is not on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Slf4jLogger implements XRLogger {

        @Override
        public void log(String where, Level level, String message) {
            log(where, level, message, null);
        }

        @Override
        public void log(String where, Level level, String message, Throwable error) {
            Logger logger = LoggerFactory.getLogger(where);
            if (level.intValue() >= Level.SEVERE.intValue()) {
                logger.error(message, error);
            } else if (level.intValue() >= Level.WARNING.intValue()) {
                logger.warn(message, error);
            } else if (level.intValue() >= Level.INFO.intValue()) {
                logger.debug(message, error);
            } else {
                logger.trace(message, error);
            }
        }

        @Override
        public void setLevel(String logger, Level level) {
            // Levels are the logging system's business.
        }

        @Override
        public boolean isLogLevelEnabled(Diagnostic diagnostic) {
            Logger logger = LoggerFactory.getLogger(diagnostic.getLogMessageId().getWhere());
            int level = diagnostic.getLevel().intValue();
            return level >= Level.WARNING.intValue() ? logger.isWarnEnabled()
                    : level >= Level.INFO.intValue() ? logger.isDebugEnabled() : logger.isTraceEnabled();
        }
    }
}
