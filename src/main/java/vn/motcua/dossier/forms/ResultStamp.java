package vn.motcua.dossier.forms;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.springframework.stereotype.Component;
import vn.motcua.platform.HtmlToPdf;

/**
 * Stamps an electronic result (kết quả điện tử) for the paper it will be printed on: a QR code in the bottom
 * right corner of its first page, leading to the public check of the result, and the result code in words beside
 * it, for someone who types it in. The corner sits in the bottom margin that Decree 30/2020/NĐ-CP Annex I leaves
 * on an administrative document (20–25 mm): the QR code, 17 mm wide with its white quiet zone of four modules
 * (ISO/IEC 18004), 23 mm from the edge in all, scans even over a footer; the words get no background, so they
 * never hide what is printed there.
 *
 * <p>The stamp is appended as an incremental update: the file served begins with every byte of the PDF as
 * uploaded, so that a digital signature already in it still verifies the revision it signed (a reader then says
 * the document was annotated after signing, which is true).
 */
@Component
public class ResultStamp {

    /** The QR code's side, 48 pt (17 mm), and the distance of its quiet zone from the page's edges. */
    static final float QR_SIZE = 48;
    static final float EDGE = 6;
    private static final float FONT_SIZE = 7;

    private final byte[] font = HtmlToPdf.font("LiberationSerif-Regular.ttf");

    /** Raised when the content is not a PDF that can be read and written back (damaged, password-protected). */
    public static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * The PDF with the stamp on its first page: the QR code of {@code checkUrl} and the lines of {@code words}
     * (the result code first), right-aligned beside it.
     */
    public byte[] stamp(byte[] pdf, String checkUrl, String... words) throws Unreadable {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (document.isEncrypted()) {
                throw new Unreadable("password-protected", null);
            }
            if (document.getNumberOfPages() == 0) {
                throw new Unreadable("no page", null);
            }
            PDPage page = document.getPage(0);
            PDType0Font text = PDType0Font.load(document, new ByteArrayInputStream(font), true);
            try (PDPageContentStream out = new PDPageContentStream(document, page,
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                out.transform(uprightCorner(page));
                BitMatrix qr = qr(checkUrl);
                float quiet = 4 * QR_SIZE / qr.getWidth();
                float left = width(page) - EDGE - quiet - QR_SIZE;
                float bottom = EDGE + quiet;
                qrCode(out, qr, left, bottom, quiet);
                float y = bottom + QR_SIZE - FONT_SIZE;
                for (String line : words) {
                    float lineWidth = text.getStringWidth(line) / 1000 * FONT_SIZE;
                    out.beginText();
                    out.setFont(text, FONT_SIZE);
                    out.newLineAtOffset(left - quiet - lineWidth, y);
                    out.showText(line);
                    out.endText();
                    y -= FONT_SIZE * 1.4f;
                }
            }
            // What an incremental update writes: the page (its contents now an array) and its resources (the font).
            page.getCOSObject().setNeedToBeUpdated(true);
            page.getResources().getCOSObject().setNeedToBeUpdated(true);
            ByteArrayOutputStream stamped = new ByteArrayOutputStream(pdf.length + 32 * 1024);
            document.saveIncremental(stamped);
            return stamped.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e.getMessage(), e);
        }
    }

    /**
     * The page's coordinates as it is shown (its crop box, turned by its {@code /Rotate}), so that the stamp lands
     * in the bottom right corner the reader sees, upright, whatever way the page is stored.
     */
    private static Matrix uprightCorner(PDPage page) {
        PDRectangle box = page.getCropBox();
        float x = box.getLowerLeftX();
        float y = box.getLowerLeftY();
        float w = box.getWidth();
        float h = box.getHeight();
        return switch (Math.floorMod(page.getRotation(), 360)) {
            case 90 -> new Matrix(0, 1, -1, 0, x + w, y);
            case 180 -> new Matrix(-1, 0, 0, -1, x + w, y + h);
            case 270 -> new Matrix(0, -1, 1, 0, x, y + h);
            default -> new Matrix(1, 0, 0, 1, x, y);
        };
    }

    private static float width(PDPage page) {
        PDRectangle box = page.getCropBox();
        return Math.floorMod(page.getRotation(), 180) == 90 ? box.getHeight() : box.getWidth();
    }

    private static BitMatrix qr(String text) {
        try {
            // Level M survives a crease or a smudge on paper; the quiet zone is drawn around it.
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 0,
                    EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode a QR code of " + text.length() + " characters", e);
        }
    }

    /** The modules as filled rectangles, one per run of dark modules in a row: sharp at any zoom and in print. */
    private static void qrCode(PDPageContentStream out, BitMatrix qr, float left, float bottom, float quiet)
            throws IOException {
        int n = qr.getWidth();
        float module = QR_SIZE / n;
        out.setNonStrokingColor(1f, 1f, 1f);
        out.addRect(left - quiet, bottom - quiet, QR_SIZE + 2 * quiet, QR_SIZE + 2 * quiet);
        out.fill();
        out.setNonStrokingColor(0f, 0f, 0f);
        for (int row = 0; row < n; row++) {
            int column = 0;
            while (column < n) {
                if (!qr.get(column, row)) {
                    column++;
                    continue;
                }
                int start = column;
                while (column < n && qr.get(column, row)) {
                    column++;
                }
                out.addRect(left + start * module, bottom + QR_SIZE - (row + 1) * module, (column - start) * module,
                        module);
            }
        }
        out.fill();
    }
}
