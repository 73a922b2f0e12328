package vn.motcua.support;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

/** PDFs for tests: made with PDFBox, read back as a reader would (rendered, its QR code decoded, its text). */
public final class Pdfs {

    private Pdfs() {}

    /** An A4 document of {@code pages} pages, the first carrying {@code title}, turned by {@code rotation} degrees. */
    public static byte[] document(String title, int pages, int rotation) {
        try (PDDocument document = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                PDPage page = new PDPage(PDRectangle.A4);
                page.setRotation(rotation);
                document.addPage(page);
                try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                    out.beginText();
                    out.setFont(new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD), 16);
                    out.newLineAtOffset(72, 760);
                    out.showText(i == 0 ? title : "Trang " + (i + 1));
                    out.endText();
                }
            }
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            document.save(pdf);
            return pdf.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A one-page document, as an agency's result would be. */
    public static byte[] document(String title) {
        return document(title, 1, 0);
    }

    /** The document protected by a password needed to open it. */
    public static byte[] encrypted(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first page as shown on screen at 150 dpi (rotation applied). */
    public static BufferedImage firstPage(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFRenderer(document).renderImageWithDPI(0, 150);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The QR code a phone would read on the rendered page: its text and where it was found. */
    public static Result qrCode(BufferedImage page) {
        try {
            return new MultiFormatReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(page))), Map.of(DecodeHintType.TRY_HARDER, true));
        } catch (NotFoundException e) {
            throw new AssertionError("no QR code on the page", e);
        }
    }

    /** The text of every page. */
    public static String text(byte[] pdf) {
        return text(pdf, 1, Integer.MAX_VALUE);
    }

    public static String text(byte[] pdf, int page) {
        return text(pdf, page, page);
    }

    private static String text(byte[] pdf, int first, int last) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setStartPage(first);
            stripper.setEndPage(last);
            return stripper.getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int pages(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return document.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
