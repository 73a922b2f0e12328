package vn.motcua.payment;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import vn.motcua.platform.HtmlToPdf;
import vn.motcua.shared.AmountInWords;
import vn.motcua.shared.VietnamTime;
import vn.motcua.shared.web.Formats;

/**
 * The receipt of one payment of a dossier's fees (biên lai thu phí, lệ phí) as a PDF, from the template
 * {@code templates/payment/receipt.html}: who collected, the receipt's number, the dossier, who paid, each fee and
 * the total in figures and in words, how and when it was paid. Always in Vietnamese, whatever language the caller
 * reads, as every official document. Decree 123/2020/NĐ-CP (invoices and vouchers) governs fee receipts: the
 * receipt's form symbol and numbering series are the collecting agency's, which the caller gives as
 * {@code receiptNumber}.
 */
@Component
class ReceiptPdf {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    /** Width of the QR image in pixels: printed 3 cm wide, about 200 dpi. */
    static final int QR_PIXELS = 240;

    /** One fee paid: its name and whole đồng. */
    record Line(String name, long amount) {}

    /**
     * What the receipt shows.
     *
     * @param method how it was paid, as the payer reads it ("Tiền mặt", "Chuyển khoản", "Thanh toán trực tuyến")
     * @param reference the transaction's reference (the platform's or the bank's), {@code null} for cash
     * @param vietQrPayload a VietQR payload to print as a QR code (the transfer it was or is to be paid with),
     *     {@code null} for none
     */
    record ReceiptData(String agencyName, String receiptNumber, String dossierCode, String procedureName,
            String payerName, String payerAddress, List<Line> lines, long amount, String method, String reference,
            Instant paidAt, String vietQrPayload) {

        ReceiptData {
            lines = lines == null ? List.of() : List.copyOf(lines);
            if (amount < 0) {
                throw new IllegalArgumentException("A receipt is of 0 đồng or more: " + amount);
            }
            long sum = lines.stream().mapToLong(Line::amount).sum();
            if (!lines.isEmpty() && sum != amount) {
                throw new IllegalArgumentException("The lines add up to " + sum + " đồng, the receipt is of " + amount);
            }
        }
    }

    /** A line as printed: its number, name and amount in figures. */
    record Row(int number, String name, String amount) {}

    private final SpringTemplateEngine templates;
    private final HtmlToPdf pdf;

    ReceiptPdf(SpringTemplateEngine templates, HtmlToPdf pdf) {
        this.templates = templates;
        this.pdf = pdf;
    }

    byte[] render(ReceiptData receipt) {
        Context context = new Context(VIETNAMESE);
        context.setVariable("receipt", receipt);
        List<Line> lines = receipt.lines();
        context.setVariable("rows", IntStream.range(0, lines.size())
                .mapToObj(i -> new Row(i + 1, lines.get(i).name(), Formats.vnd(lines.get(i).amount()))).toList());
        context.setVariable("total", Formats.vnd(receipt.amount()));
        context.setVariable("inWords", AmountInWords.of(receipt.amount()));
        context.setVariable("paidAt", receipt.paidAt() == null ? null
                : VietnamTime.DATE_TIME.format(receipt.paidAt().atZone(VietnamTime.ZONE)));
        context.setVariable("qrCode", receipt.vietQrPayload() == null ? null : "data:image/png;base64,"
                + Base64.getEncoder().encodeToString(VietQr.png(receipt.vietQrPayload(), QR_PIXELS)));
        return pdf.render(templates.process("payment/receipt", context));
    }
}
