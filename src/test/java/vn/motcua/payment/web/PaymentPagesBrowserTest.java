package vn.motcua.payment.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Accessibility;
import vn.motcua.support.Api;
import vn.motcua.support.Browser;
import vn.motcua.support.BrowserTest;

/**
 * The payment pages clicked through in Chromium, against the demo's collection account and notification secret: the
 * citizen pays a dossier held in status 6 by a VietQR transfer and watches it paid without reloading; the desk takes
 * cash on the dossier's page; the desk ties an unmatched transfer to its dossier and sends another back. The
 * procedures (1.987101–1.987103, {@link PaymentPageFixtures}) and the citizens are this test's own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentPagesBrowserTest extends BrowserTest {

    static final String BEFORE_ACCEPTANCE = "1.987101.000.00.00.H27";
    static final String CASH_AT_THE_DESK = "1.987102.000.00.00.H27";
    static final String UNMATCHED = "1.987103.000.00.00.H27";
    static final String CITIZEN = "nop.phi.qr";
    static final String CITIZEN_ID = "031087101001";
    static final String SOMEONE_ELSE = "031087101002";
    /** Playwright's assertions wait 5 s by default; the page polls every 4 s. */
    static final LocatorAssertions.HasTextOptions POLLED = new LocatorAssertions.HasTextOptions().setTimeout(15_000);

    @Autowired
    Citizens citizens;

    @BeforeAll
    void proceduresAndCitizen() {
        PaymentPageFixtures.publish(port, BEFORE_ACCEPTANCE, "Cấp giấy phép thử nghiệm nộp phí trước khi tiếp nhận",
                "BEFORE_ACCEPTANCE");
        PaymentPageFixtures.publish(port, CASH_AT_THE_DESK, "Cấp giấy phép thử nghiệm nộp phí tiền mặt", "NONE");
        PaymentPageFixtures.publish(port, UNMATCHED, "Cấp giấy phép thử nghiệm đối soát chuyển khoản", "BEFORE_RETURN");
        PaymentPageFixtures.citizen(citizens, CITIZEN, CITIZEN_ID);
    }

    /** What the page's QR image says, read back from the PNG the browser was served. */
    static String qrText(Page page) throws IOException, ReaderException {
        page.waitForFunction("() => { const i = document.getElementById('vietqr-image');"
                + " return i && i.complete && i.naturalWidth > 0; }");
        APIResponse png = page.request().get(page.locator("#vietqr-image").getAttribute("src"));
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.headers().get("content-type")).isEqualTo("image/png");
        var image = ImageIO.read(new ByteArrayInputStream(png.body()));
        // A generated code, read as such: without the hint the reader misses about one code in 25 of these.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
    }

    @Test
    void the_citizen_pays_by_vietqr_and_the_page_shows_the_dossier_paid_without_being_reloaded() throws Exception {
        String code = PaymentPageFixtures.received(port, BEFORE_ACCEPTANCE, CITIZEN_ID);
        Page page = browser.signInAsCitizen(port, CITIZEN);

        // The dossier waits in status 6 and says so, with the way to pay.
        page.navigate("/cong-dan/ho-so/" + code);
        assertThat(page.locator("#dossier-status")).hasText("Yêu cầu thực hiện nghĩa vụ tài chính");
        assertThat(page.locator("#pay-now")).containsText("80.000 đ");
        page.locator("#pay-now-link").click();
        page.waitForURL(Pattern.compile(".*/cong-dan/ho-so/" + Pattern.quote(code) + "/thanh-toan$"));

        assertThat(page.locator("#payment-status")).hasText("Chưa nộp");
        assertThat(page.locator("#payment-waits")).containsText("Yêu cầu thực hiện nghĩa vụ tài chính");
        assertThat(page.locator(".fee-line")).hasCount(2);
        assertThat(page.locator("#fee-lines")).containsText("Phí thẩm định");
        assertThat(page.locator("#amount-due")).hasText("80.000 đ");
        assertThat(page.locator("#amount-outstanding")).hasText("80.000 đ");
        assertThat(page.locator("#amount-words")).hasText("Tám mươi nghìn đồng");
        assertThat(page.locator("#vietqr-bank")).hasText("VietinBank");
        assertThat(page.locator("#vietqr-account-number")).hasText("0123456789");
        assertThat(page.locator("#vietqr-account-name")).hasText("VAN PHONG UBND THANH PHO HAI PHONG");
        assertThat(page.locator("#transactions-none")).isVisible();
        String content = page.locator("#transfer-content").textContent().strip();
        assertThat(content).matches("LEPHI MC\\d{8}");
        // The image shown is the VietQR of the amount outstanding, into that account, with that content.
        String qr = qrText(page);
        assertThat(qr).contains("0010A000000727", "970415", "0123456789", "5405" + "80000", content);
        Accessibility.check(page);
        Browser.screenshot(page, "/tmp/payment-citizen-unpaid.png");

        // On a phone the page fits its width, QR code included.
        Accessibility.onPhone(page);
        Accessibility.fitsWidth(page);
        Accessibility.check(page);
        Browser.screenshot(page, "/tmp/payment-citizen-phone.png");

        // The bank reports the transfer; the page, not reloaded, shows it paid.
        page.evaluate("() => { window.notReloaded = true; }");
        String transfer = PaymentPageFixtures.transactionId();
        assertThat(PaymentPageFixtures.notifyCredit(port, transfer, 80_000, "DO THI NOP PHI CHUYEN TIEN " + content).body())
                .contains("\"state\":\"PAID\"", code);
        assertThat(page.locator("#payment-status")).hasText("Đã nộp đủ", POLLED);
        assertThat(page.evaluate("() => window.notReloaded === true")).isEqualTo(true);
        assertThat(page.locator("#payment-announcement")).hasText("Trạng thái nộp phí, lệ phí: Đã nộp đủ");
        assertThat(page.locator("#amount-paid")).hasText("80.000 đ");
        assertThat(page.locator("#amount-outstanding")).hasText("0 đ");
        assertThat(page.locator("#vietqr")).hasCount(0);
        assertThat(page.locator("#payment-poll")).hasCount(0);
        Locator credit = page.locator(".transaction[data-method=VIETQR]");
        assertThat(credit).containsText("80.000 đ");
        assertThat(credit).containsText("Thành công");
        assertThat(credit).containsText(transfer);
        Accessibility.check(page);
        Browser.screenshot(page, "/tmp/payment-citizen-paid.png");

        // Paid, the dossier has left status 6 for the desk's check.
        page.locator("#dossier-link").click();
        assertThat(page.locator("#dossier-status")).hasText("Mới đăng ký");
        assertThat(page.locator("#pay-now")).hasCount(0);
        assertThat(page.locator("#fees-state")).containsText("Đã nộp đủ lúc");
    }

    @Test
    void another_applicants_dossier_has_no_payment_page_for_the_citizen() {
        String code = PaymentPageFixtures.received(port, BEFORE_ACCEPTANCE, SOMEONE_ELSE);
        Page page = browser.signInAsCitizen(port, CITIZEN);
        Response response = page.navigate("/cong-dan/ho-so/" + code + "/thanh-toan");
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("main")).containsText("404");
        assertThat(page.locator("#transfer-content")).hasCount(0);
        assertThat(page.request().get("/cong-dan/ho-so/" + code + "/thanh-toan/qr.png").status()).isEqualTo(404);
        assertThat(page.request().get("/cong-dan/ho-so/" + code + "/thanh-toan/trang-thai").status()).isEqualTo(404);
        // The browser logs the page's own 404 as a console error: expected here, and the only one.
        assertThat(browser.problems()).allSatisfy(problem -> assertThat(problem).contains("404"));
        browser.clearProblems();
    }

    @Test
    void the_desk_takes_cash_on_the_dossier_page_and_a_wrong_amount_is_refused_in_words() throws Exception {
        String code = PaymentPageFixtures.received(port, CASH_AT_THE_DESK, "031087101003");

        // A specialist who works on the dossier sees its fees but takes no money.
        Page specialist = browser.signIn(port, "chuyenvien");
        specialist.navigate("/desk/dossiers/" + code);
        assertThat(specialist.locator("#payment #payment-status")).hasText("Chưa nộp");
        assertThat(specialist.locator("#cash-desk-only")).isVisible();
        assertThat(specialist.locator("#cash-form")).hasCount(0);

        Page desk = browser.signIn(port, "tiepnhan");
        desk.navigate("/desk/dossiers/" + code);
        assertThat(desk.locator("#payment #payment-status")).hasText("Chưa nộp");
        assertThat(desk.locator("#payment #amount-due")).hasText("80.000 đ");
        assertThat(desk.locator("#payment-timing")).hasText("Nộp trước khi nhận kết quả, không chờ");
        assertThat(desk.locator("#cash-amount")).hasValue("80000");
        assertThat(qrText(desk)).contains("5405" + "80000");
        Accessibility.check(desk);

        // A wrong amount: refused in Vietnamese, in the form, with what was typed kept.
        String receipt = "BL-" + code;
        desk.locator("#cash-amount").fill("0");
        desk.locator("#cash-receipt").fill(receipt);
        desk.locator("#cash-submit").click();
        assertThat(desk.locator("#cash-amount-error"))
                .hasText("Số tiền phải là số nguyên đồng, lớn hơn 0 và không quá 1.000.000.000.000 đ.");
        assertThat(desk.locator("#cash-amount")).hasClass(Pattern.compile("is-invalid"));
        assertThat(desk.locator("#cash-receipt")).hasValue(receipt);
        assertThat(desk.locator("#payment #payment-status")).hasText("Chưa nộp");
        Accessibility.check(desk);
        desk.locator("#cash-amount").fill("tám mươi nghìn");
        desk.locator("#cash-submit").click();
        assertThat(desk.locator("#cash-amount-error")).containsText("Số tiền phải là số nguyên đồng");
        assertThat(desk.locator("#cash-amount")).hasValue("tám mươi nghìn");

        // The amount as written on the receipt, dots and all.
        desk.locator("#cash-amount").fill("80.000");
        desk.locator("#cash-submit").click();
        assertThat(desk.locator("#flash")).containsText("Đã ghi nhận thu tiền mặt 80.000 đ (biên lai số " + receipt
                + ") cho hồ sơ " + code);
        assertThat(desk.locator("#payment #payment-status")).hasText("Đã nộp đủ");
        assertThat(desk.locator("#payment #amount-paid")).hasText("80.000 đ");
        Locator cash = desk.locator(".transaction[data-method=CASH]");
        assertThat(cash).containsText(receipt);
        assertThat(cash).containsText("tiepnhan");
        assertThat(desk.locator("#cash-form")).hasCount(0);
        assertThat(desk.locator("#vietqr")).hasCount(0);
        assertThat(desk.locator("#history .fees")).hasText("Đã nộp đủ phí, lệ phí");
        Accessibility.check(desk);
        Browser.screenshot(desk, "/tmp/payment-desk-paid.png");

        // Without scripts the panel is a page of its own.
        desk.navigate("/desk/dossiers/" + code + "/payment");
        assertThat(desk.locator("h1")).containsText("Phí, lệ phí");
        assertThat(desk.locator("#payment-status")).hasText("Đã nộp đủ");
        Accessibility.check(desk);
    }

    @Test
    void the_desk_ties_an_unmatched_transfer_to_its_dossier_and_sends_one_naming_no_dossier_back() throws Exception {
        String code = PaymentPageFixtures.received(port, UNMATCHED, "031087101004");
        String reference = Api.as(port, "tiepnhan").get("/api/v1/dossiers/" + code + "/payment").json()
                .get("reference").asString();
        // Short of the amount due: kept for the desk.
        String partial = PaymentPageFixtures.transactionId();
        assertThat(PaymentPageFixtures.notifyCredit(port, partial, 50_000, "LEPHI " + reference).body()).contains("UNMATCHED");
        String stray = PaymentPageFixtures.transactionId();
        assertThat(PaymentPageFixtures.notifyCredit(port, stray, 20_000, "CHUYEN NHAM " + stray).body()).contains("UNMATCHED");

        Page desk = browser.signIn(port, "tiepnhan");
        desk.navigate("/desk");
        desk.locator("#unmatched-payments").click();
        desk.waitForURL(Pattern.compile(".*/desk/payments/unmatched$"));
        assertThat(desk.locator("h1")).hasText("Khoản chuyển khoản chưa đối soát");
        Locator credit = desk.locator(".credit[data-reference='" + partial + "']");
        assertThat(credit).containsText("50.000 đ");
        assertThat(credit.locator(".credit-content")).hasText("LEPHI " + reference);
        assertThat(credit.locator(".credit-dossier")).hasText(code);
        assertThat(credit.locator("input[name=dossierCode]")).hasValue(code);
        Accessibility.check(desk);

        // A code that is no dossier: said on that credit, as typed.
        credit.locator("input[name=dossierCode]").fill("000.00.01.H27-260101-9999");
        credit.locator("input[name=note]").fill("Nộp thiếu 30.000 đ");
        credit.locator(".assign-submit").click();
        assertThat(credit.locator(".credit-error")).hasText("Không tìm thấy hồ sơ 000.00.01.H27-260101-9999.");
        assertThat(credit.locator("input[name=dossierCode]")).hasValue("000.00.01.H27-260101-9999");
        assertThat(credit.locator("input[name=note]")).hasValue("Nộp thiếu 30.000 đ");
        Accessibility.check(desk);

        credit.locator("input[name=dossierCode]").fill(code);
        credit.locator(".assign-submit").click();
        assertThat(desk.locator("#flash")).containsText("Đã gán khoản 50.000 đ (giao dịch " + partial
                + ") vào hồ sơ " + code);
        assertThat(credit).hasCount(0);

        // Sent back: a reason is required.
        Locator strayCredit = desk.locator(".credit[data-reference='" + stray + "']");
        assertThat(strayCredit.locator(".credit-dossier")).hasCount(0);
        strayCredit.locator(".return-submit").click();
        assertThat(strayCredit.locator("textarea[name=note]")).hasClass(Pattern.compile("is-invalid"));
        assertThat(strayCredit.locator(".return-form .invalid-feedback")).hasText("Cần ghi lý do (không quá 500 ký tự).");
        Accessibility.check(desk);
        strayCredit.locator("textarea[name=note]").fill("Chuyển nhầm; kế toán đã hoàn trả ngày 04/12/2026");
        strayCredit.locator(".return-submit").click();
        assertThat(desk.locator("#flash")).containsText("Đã ghi nhận hoàn trả khoản 20.000 đ");
        assertThat(strayCredit).hasCount(0);

        // The dossier counts what was tied to it.
        desk.navigate("/desk/dossiers/" + code);
        assertThat(desk.locator("#payment #amount-paid")).hasText("50.000 đ");
        assertThat(desk.locator("#payment #amount-outstanding")).hasText("30.000 đ");
        assertThat(desk.locator("#cash-amount")).hasValue("30000");
        assertThat(desk.locator(".transaction[data-method=VIETQR]")).containsText("Nộp thiếu 30.000 đ");
    }
}
