package vn.motcua.dossier.forms;

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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * XHTML to A4 PDF with DejaVu Sans embedded, which has every Vietnamese letter (the PDF base fonts have
 * none of ễ, ơ, ư…). The font files are read once; each document embeds the subset it uses.
 */
@Component
class HtmlToPdf {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

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
        this.regular = font("DejaVuSans.ttf");
        this.bold = font("DejaVuSans-Bold.ttf");
        this.oblique = font("DejaVuSans-Oblique.ttf");
        this.boldOblique = font("DejaVuSans-BoldOblique.ttf");
    }

    byte[] render(String xhtml) {
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
        builder.withHtmlContent(xhtml, null);
        builder.toStream(pdf);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pdf.toByteArray();
    }

    private static InputStream stream(byte[] font) {
        return new ByteArrayInputStream(font);
    }

    private static byte[] font(String file) {
        try (InputStream in = HtmlToPdf.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IllegalStateException("Font " + FONTS + file + " is not on the classpath (jasperreports-fonts)");
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
