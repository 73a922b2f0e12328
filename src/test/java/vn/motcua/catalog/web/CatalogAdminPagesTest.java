package vn.motcua.catalog.web;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.catalog.web.ProcedureFixtures.code;
import static vn.motcua.catalog.web.ProcedureFixtures.decision;
import static vn.motcua.catalog.web.ProcedureFixtures.form;
import static vn.motcua.catalog.web.ProcedureFixtures.procedure;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.motcua.catalog.Catalog;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.ProcedureStatus;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.ProcedureData;
import vn.motcua.catalog.ProcedureTransfer;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/** The administrators' catalogue pages over plain HTTP: who may use them, the editor, publication, Excel. */
@IntegrationTest
class CatalogAdminPagesTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Autowired
    Catalog catalog;

    @Autowired
    ProcedureTransfer transfer;

    @Test
    void staffOtherThanAdministratorsAreRefusedEveryPageAndEveryPost() {
        String code = code(101);
        catalog.create(procedure(code, "Thủ tục thử nghiệm quyền quản trị"));
        catalog.publish(code, decision("1101/QĐ-UBND"));
        for (String user : List.of("lanhdao", "chuyenvien", "tiepnhan")) {
            WebSession member = WebSession.signIn(port, user);
            for (String path : List.of("/admin/procedures", "/admin/procedures/new", "/admin/procedures/import",
                    "/admin/procedures/export.xlsx", "/admin/procedures/" + code, "/admin/procedures/" + code + "/edit",
                    "/admin/procedures/" + code + "/abolish")) {
                assertThat(member.get(path).status()).as(user + " GET " + path).isEqualTo(403);
            }
            assertThat(member.post("/admin/procedures/new", form(procedure(code(100), "Trộm tạo thủ tục"))).status())
                    .isEqualTo(403);
            assertThat(member.post("/admin/procedures/" + code + "/edit", form(procedure(code, "Trộm sửa"))).status())
                    .isEqualTo(403);
            assertThat(member.post("/admin/procedures/" + code + "/publish", Map.of("decisionNumber", "1/QĐ-UBND",
                    "decisionDate", "02/03/2026", "effectiveFrom", "05/03/2026")).status()).isEqualTo(403);
            assertThat(member.post("/admin/procedures/" + code + "/abolish", Map.of()).status()).isEqualTo(403);
            member.get("/");
            assertThat(member.postFile("/admin/procedures/import", Map.of(), "file", "x.xlsx", XLSX, new byte[] {1})
                    .status()).isEqualTo(403);
        }
        assertThat(catalog.current(code(100))).isEmpty();
        assertThat(catalog.published(code)).hasValueSatisfying(p -> assertThat(p.name()).doesNotContain("Trộm"));
    }

    @Test
    void someoneNotSignedInIsSentToTheSignInPage() {
        Api.Response response = WebSession.anonymous(port).get("/admin/procedures");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void everyAdministratorPageRendersInBothLanguagesWithoutUntranslatedTextOrInlineScript() {
        String code = code(102);
        catalog.create(procedure(code, "Thủ tục thử nghiệm các trang quản trị"));
        catalog.publish(code, decision("1102/QĐ-UBND"));
        WebSession admin = WebSession.signIn(port, "admin");
        List<String> pages = List.of("/admin/procedures", "/admin/procedures?status=DRAFT", "/admin/procedures/new",
                "/admin/procedures/import", "/admin/procedures/" + code, "/admin/procedures/" + code + "/edit",
                "/admin/procedures/" + code + "/abolish");

        for (String language : List.of("vi", "en")) {
            admin.get("/?lang=" + language);
            for (String path : pages) {
                Api.Response response = admin.get(path);
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(response.body()).as(path).contains("<html lang=\"" + language + "\">")
                        .contains("<main id=\"main\"").contains("id=\"nav-procedures\"").doesNotContain("??");
                assertThat(CatalogPagesTest.INLINE_SCRIPT.matcher(response.body()).find()).as(path).isFalse();
            }
        }
        admin.get("/?lang=vi");
    }

    @Test
    void theListShowsTheLatestVersionOfEveryProcedureWithItsStatus() {
        String code = code(110);
        catalog.create(procedure(code, "Thủ tục thử nghiệm danh sách dự thảo"));
        WebSession admin = WebSession.signIn(port, "admin");

        String drafts = admin.get("/admin/procedures?status=DRAFT&q=danh+sach+du+thao").body();
        String all = admin.get("/admin/procedures").body();

        assertThat(drafts).contains("data-code=\"" + code + "\"").contains(">Dự thảo<")
                .contains("href=\"/admin/procedures/" + code + "/edit\"");
        assertThat(all).containsPattern("Hiển thị 1–20 trong tổng số \\d+ thủ tục").contains(">Đã công bố<")
                .contains("href=\"/admin/procedures/new\"").contains("href=\"/admin/procedures/import\"")
                .contains("href=\"/admin/procedures/export.xlsx\"");
    }

    @Test
    void anAdministratorCreatesADraftPublishesItAndEditingItOpensANewVersion() {
        String code = code(120);
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/admin/procedures/new");

        Api.Response created = admin.post("/admin/procedures/new", form(procedure(code, "Cấp phép thử nghiệm biểu mẫu")));
        assertThat(created.status()).isEqualTo(302);
        assertThat(created.header("Location")).endsWith("/admin/procedures/" + code);
        String draft = admin.get("/admin/procedures/" + code).body();
        assertThat(draft).contains("Đã tạo bản dự thảo thủ tục “Cấp phép thử nghiệm biểu mẫu” (phiên bản 1).")
                .contains("id=\"procedure-status\">Dự thảo<").contains("id=\"publish-form\"")
                .contains("Mau-01-don-thu-nghiem.docx").contains(">150.000 đ<");

        Api.Response published = admin.post("/admin/procedures/" + code + "/publish",
                Map.of("decisionNumber", "1953/QĐ-UBND", "decisionDate", "2/3/2026", "effectiveFrom", "05/03/2026"));
        assertThat(published.status()).isEqualTo(302);
        assertThat(admin.get("/admin/procedures/" + code).body())
                .contains("Đã công bố thủ tục “Cấp phép thử nghiệm biểu mẫu” theo Quyết định số 1953/QĐ-UBND.")
                .contains("id=\"procedure-status\">Đã công bố<").doesNotContain("id=\"publish-form\"")
                .contains(">02/03/2026<").contains(">05/03/2026<");
        assertThat(WebSession.anonymous(port).get("/procedures/" + code).status()).isEqualTo(200);
        Api.Response twice = admin.post("/admin/procedures/" + code + "/publish",
                Map.of("decisionNumber", "1953/QĐ-UBND", "decisionDate", "02/03/2026", "effectiveFrom", "05/03/2026"));
        assertThat(twice.status()).isEqualTo(200);
        assertThat(twice.body()).contains("id=\"action-errors\"")
                .contains("Thủ tục " + code + " đã được công bố và không có bản dự thảo mới nào để công bố.");

        String editor = admin.get("/admin/procedures/" + code + "/edit").body();
        assertThat(editor).contains("id=\"new-version-notice\"")
                .contains("Khi lưu, hệ thống tạo bản dự thảo phiên bản 2; phiên bản 1 vẫn được áp dụng");
        Map<String, String> change = form(procedure(code, "Cấp phép thử nghiệm biểu mẫu, sửa đổi"));
        change.put("revision", value(editor, "revision"));
        change.put("baseVersion", value(editor, "baseVersion"));
        assertThat(admin.post("/admin/procedures/" + code + "/edit", change).status()).isEqualTo(302);

        assertThat(catalog.current(code)).hasValueSatisfying(p -> {
            assertThat(p.version()).isEqualTo(2);
            assertThat(p.status()).isEqualTo(ProcedureStatus.DRAFT);
        });
        assertThat(catalog.published(code)).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("Cấp phép thử nghiệm biểu mẫu"));
        String view = admin.get("/admin/procedures/" + code).body();
        assertThat(view).contains("Phiên bản 1 đang có hiệu lực")
                .contains("Công bố bản dự thảo phiên bản 2 sẽ thay thế phiên bản 1 đang có hiệu lực.")
                .contains("data-version=\"2\"").contains("data-version=\"1\"");
    }

    @Test
    void anAdministratorRequiresALevelTwoAccountToFileAProcedureOnlineAndThePublicPageSaysSo() {
        String code = code(125);
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/admin/procedures/new");
        Map<String, String> form = form(procedure(code, "Cấp phép cần định danh mức 2"));
        form.put("requiredAssuranceLevel", "2");
        assertThat(admin.post("/admin/procedures/new", form).status()).isEqualTo(302);
        assertThat(catalog.current(code)).hasValueSatisfying(p -> assertThat(p.assuranceLevel()).isEqualTo(2));
        assertThat(admin.get("/admin/procedures/" + code + "/edit").body())
                .contains("<option value=\"2\" selected=\"selected\">Mức 2</option>");
        admin.post("/admin/procedures/" + code + "/publish",
                Map.of("decisionNumber", "1954/QĐ-UBND", "decisionDate", "02/03/2026", "effectiveFrom", "05/03/2026"));
        assertThat(WebSession.anonymous(port).get("/procedures/" + code).body())
                .contains("Nộp trực tuyến cần tài khoản định danh điện tử mức 2.");
        form.put("requiredAssuranceLevel", "3");
        form.put("code", code(126));
        Api.Response refused = admin.post("/admin/procedures/new", form);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Mức định danh điện tử để nộp trực tuyến phải là 1 hoặc 2.");
    }

    @Test
    void theEditorShowsEachErrorNextToItsInputAndKeepsWhatWasTyped() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/admin/procedures/new");
        Map<String, String> form = form(procedure(code(130), "Thủ tục thử nghiệm có lỗi"));
        form.put("name", " ");
        form.put("documents[1].count", "0");
        form.put("steps[2].unitCode", "");
        form.put("steps[3].durationHours", "");
        form.put("fees[1].amount", "một triệu");

        Api.Response response = admin.post("/admin/procedures/new", form);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body())
                .contains("Chưa lưu được: vui lòng sửa các chỗ được đánh dấu bên dưới.")
                .contains("id=\"procedure-name-error\">Trường này là bắt buộc.</div>")
                .contains("id=\"documents-1-count-error\">Số lượng bản phải từ 1 đến 99.</div>")
                .contains("id=\"steps-2-unitCode-error\">Trường này là bắt buộc.</div>")
                .contains("id=\"steps-3-durationHours-error\">Thời gian của bước phải là số giờ làm việc nguyên dương.</div>")
                .contains("id=\"fees-1-amount-error\">Số tiền phí, lệ phí phải là số nguyên không âm (đồng).</div>")
                .contains("value=\"một triệu\"").contains("Bản vẽ mặt bằng thử nghiệm");
        assertThat(catalog.current(code(130))).isEmpty();
    }

    @Test
    void aStaleFormIsRefusedWithTheConcurrencyMessageAndKept() {
        String code = code(140);
        catalog.create(procedure(code, "Thủ tục thử nghiệm sửa đồng thời"));
        WebSession first = WebSession.signIn(port, "admin");
        WebSession second = WebSession.signIn(port, "admin");
        String firstForm = first.get("/admin/procedures/" + code + "/edit").body();
        String secondForm = second.get("/admin/procedures/" + code + "/edit").body();

        Map<String, String> mine = form(procedure(code, "Thủ tục thử nghiệm sửa đồng thời, bản thứ nhất"));
        mine.put("revision", value(firstForm, "revision"));
        mine.put("baseVersion", value(firstForm, "baseVersion"));
        Map<String, String> theirs = form(procedure(code, "Thủ tục thử nghiệm sửa đồng thời, bản thứ hai"));
        theirs.put("revision", value(secondForm, "revision"));
        theirs.put("baseVersion", value(secondForm, "baseVersion"));
        Api.Response saved = first.post("/admin/procedures/" + code + "/edit", mine);
        Api.Response refused = second.post("/admin/procedures/" + code + "/edit", theirs);

        assertThat(saved.status()).isEqualTo(302);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Dữ liệu đã được người khác thay đổi trong lúc bạn thao tác.")
                .contains(">Thủ tục thử nghiệm sửa đồng thời, bản thứ hai</textarea>").contains("id=\"reload-link\"");
        assertThat(catalog.current(code)).hasValueSatisfying(p ->
                assertThat(p.name()).isEqualTo("Thủ tục thử nghiệm sửa đồng thời, bản thứ nhất"));
    }

    @Test
    void publishingAnIncompleteDraftListsEveryReasonInVietnamese() {
        String code = code(150);
        catalog.create(ProcedureFixtures.withSteps(procedure(code, "Thủ tục thử nghiệm thiếu giờ"),
                List.of(new ProcedureData.StepData(1, "Tiếp nhận", "VP.MC", StepRole.RECEPTION, 8, null))));
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/admin/procedures/" + code);

        Api.Response refused = admin.post("/admin/procedures/" + code + "/publish",
                Map.of("decisionNumber", "không có số", "decisionDate", "31/02/2026", "effectiveFrom", "01/03/2026"));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Chưa thể công bố thủ tục " + code + ":")
                .contains("<li>tổng thời gian các bước là 8 giờ làm việc, trong khi thời hạn giải quyết là 120 giờ làm việc</li>")
                .contains("id=\"decision-number-error\">Cần số quyết định công bố hợp lệ, ví dụ 1234/QĐ-UBND.</div>")
                .contains("id=\"decision-date-error\">Vui lòng nhập một ngày có thật")
                .contains("value=\"không có số\"").contains("value=\"31/02/2026\"");
        assertThat(catalog.published(code)).isEmpty();
    }

    @Test
    void abolishingAsksForConfirmationAndTakesTheProcedureOffThePublicCatalogue() {
        String code = code(160);
        catalog.create(procedure(code, "Thủ tục thử nghiệm sẽ bãi bỏ"));
        catalog.publish(code, decision("1954/QĐ-UBND"));
        WebSession admin = WebSession.signIn(port, "admin");

        String confirm = admin.get("/admin/procedures/" + code + "/abolish").body();
        assertThat(confirm).contains("Bãi bỏ thủ tục hành chính").contains("id=\"abolish-confirm\"")
                .contains("Việc này không hoàn tác được.");
        assertThat(catalog.published(code)).isPresent();

        Api.Response abolished = admin.post("/admin/procedures/" + code + "/abolish", Map.of());

        assertThat(abolished.status()).isEqualTo(302);
        assertThat(admin.get("/admin/procedures/" + code).body()).contains("Đã bãi bỏ thủ tục “Thủ tục thử nghiệm sẽ bãi bỏ”.")
                .contains("id=\"procedure-status\">Đã bãi bỏ<").doesNotContain("id=\"edit-procedure\"");
        assertThat(WebSession.anonymous(port).get("/procedures/" + code).status()).isEqualTo(404);
        Api.Response again = admin.post("/admin/procedures/" + code + "/abolish", Map.of());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).contains("không còn hiệu lực nên không thể bãi bỏ");
    }

    @Test
    void aWorkbookWithABadRowShowsTheRejectedRowAndImportsNothing() {
        ProcedureData good = procedure(code(170), "Thủ tục thử nghiệm nhập Excel hợp lệ");
        ProcedureData bad = ProcedureFixtures.withDocuments(procedure(code(171), "Thủ tục thử nghiệm nhập Excel sai số bản"),
                List.of(new ProcedureData.DocumentData(null, "Đơn đề nghị", CopyKind.ORIGINAL, 0, true, null)));
        byte[] workbook = transfer.toWorkbook(List.of(good, bad));
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/admin/procedures/import");

        Api.Response response = admin.postFile("/admin/procedures/import", Map.of(), "file", "thu-tuc.xlsx", XLSX, workbook);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("Không có thủ tục nào được nhập vì 1 dòng bị từ chối.")
                .containsPattern("data-row=\"3\" data-outcome=\"REJECTED\"")
                .contains("Giấy tờ 1 – số lượng: Số lượng bản phải từ 1 đến 99.")
                .contains(code(171)).contains("Hợp lệ (sẽ tạo mới)");
        assertThat(catalog.current(code(170))).isEmpty();
        assertThat(catalog.current(code(171))).isEmpty();
    }

    @Test
    void aGoodWorkbookIsImportedAndAFileThatIsNotOneIsRefused() {
        byte[] workbook = transfer.toWorkbook(List.of(procedure(code(180), "Thủ tục thử nghiệm nhập Excel thành công")));
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/admin/procedures/import");

        Api.Response imported = admin.postFile("/admin/procedures/import", Map.of(), "file", "tot.xlsx", XLSX, workbook);
        Api.Response text = admin.postFile("/admin/procedures/import", Map.of(), "file", "gia.xlsx", XLSX,
                "không phải Excel".getBytes(StandardCharsets.UTF_8));
        Api.Response empty = admin.postFile("/admin/procedures/import", Map.of(), "file", "", "application/octet-stream",
                new byte[0]);

        assertThat(imported.body()).contains("Đã nhập xong: 1 thủ tục tạo mới, 0 thủ tục cập nhật.").contains(">Đã tạo mới<");
        assertThat(catalog.current(code(180))).hasValueSatisfying(p -> assertThat(p.status()).isEqualTo(ProcedureStatus.DRAFT));
        assertThat(text.status()).isEqualTo(200);
        assertThat(text.body()).contains("id=\"import-file-error\">Chỉ nhận tệp Excel .xlsx theo mẫu.</div>");
        assertThat(empty.body()).contains("id=\"import-file-error\">Chưa chọn tệp để nhập.</div>");
    }

    @Test
    void theExportIsAnExcelWorkbookToDownload() {
        Api.Response response = WebSession.signIn(port, "admin").get("/admin/procedures/export.xlsx?scope=published");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo(XLSX);
        assertThat(response.header("Content-Disposition")).startsWith("attachment").contains(".xlsx");
        assertThat(response.body()).startsWith("PK");
    }

    @Test
    void aHandMadeFormWithAHugeRowNumberIsABadRequest() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.get("/admin/procedures/new");

        Api.Response response = admin.post("/admin/procedures/new", Map.of("documents[100000].name", "x"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).doesNotContain("Exception");
    }

    /** The value of a hidden or text input of a form page. */
    static String value(String page, String name) {
        Matcher input = Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(page);
        assertThat(input.find()).as("input " + name).isTrue();
        return input.group(1);
    }
}
