package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.platform.PublicAddress;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.Pdfs;

/**
 * Electronic results through the API, on the process of {@link ProcessFixtures}: intake at the Office's desk
 * (VP.MC, tiepnhan), appraisal at SXD.QLXD (chuyenvien.sxd), approval at SXD.LD (lanhdao.sxd), return at the desk.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierResultsTest {

    static final String PROCEDURE = "1.986001.000.00.00.H27";
    static final String NAME = "Giấy phép xây dựng số 12/GPXD";

    @LocalServerPort
    int port;

    @Autowired
    PublicAddress publicAddress;

    @Autowired
    DossierResults results;

    @Autowired
    LookupGuard guard;

    @BeforeAll
    void publish() {
        ProcessFixtures.publishFourStepProcess(port, PROCEDURE, "Cấp phép thử nghiệm kết quả điện tử",
                "RESTART", "2025-01-02");
    }

    @AfterEach
    void unblock() {
        guard.forgetAll(); // every test calls from 127.0.0.1: do not leave it blocked for the others
    }

    Api as(String user) {
        return Api.as(port, user);
    }

    /** Accepted at the desk: waits at step 2, SXD.QLXD. */
    String accepted(String applicant) {
        Api.Response response = as("tiepnhan").post("/api/v1/dossiers",
                Intakes.accepted(port, PROCEDURE, applicant));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("code").asString();
    }

    /** Handed over by the specialist and the leader: the result waits at the desk. */
    String ready(String applicant) {
        String code = accepted(applicant);
        ok(as("chuyenvien.sxd").post("/api/v1/dossiers/" + code + "/handover", Map.of()));
        ok(as("lanhdao.sxd").post("/api/v1/dossiers/" + code + "/handover", Map.of()));
        return code;
    }

    Api.Response issue(String user, String code, String fileName, byte[] content, String name) {
        return as(user).upload("/api/v1/dossiers/" + code + "/results", fileName, content,
                name == null ? Map.of() : Map.of("name", name));
    }

    static JsonNode ok(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    static JsonNode created(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void the_unit_at_the_step_issues_a_result_whose_pdf_carries_its_code_and_a_qr_code_of_its_public_check() {
        String code = accepted("Phạm Thị Kết Quả");
        byte[] original = Pdfs.document("GIAY PHEP XAY DUNG SO 12/GPXD");
        JsonNode issued = created(issue("chuyenvien.sxd", code, "giay-phep.pdf", original, NAME));
        String resultCode = issued.get("resultCode").asString();
        assertThat(resultCode).matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{12}");
        assertThat(issued.get("name").asString()).isEqualTo(NAME);

        Api.Download served = as("chuyenvien.sxd").download("/api/v1/dossiers/" + code + "/results/"
                + issued.get("id").asLong());
        assertThat(served.status()).isEqualTo(200);
        assertThat(served.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(served.header("Content-Disposition")).startsWith("attachment").contains("giay-phep.pdf");
        byte[] pdf = served.body();
        assertThat(Pdfs.sha256(pdf)).as("the SHA-256 given is that of the file served")
                .isEqualTo(issued.get("sha256").asString());
        assertThat(Arrays.copyOf(pdf, original.length)).as("the upload's bytes begin the file").isEqualTo(original);
        assertThat(Pdfs.qrCode(Pdfs.firstPage(pdf)).getText())
                .isEqualTo(publicAddress.url() + "/xac-thuc/" + resultCode);
        assertThat(Pdfs.text(pdf, 1)).contains("Mã kết quả: " + resultCode);

        JsonNode listed = as("tiepnhan").get("/api/v1/dossiers/" + code + "/results").json();
        assertThat(listed.valueStream().map(r -> r.get("resultCode").asString())).containsExactly(resultCode);
        JsonNode detail = as("tiepnhan").get("/api/v1/dossiers/" + code).json();
        assertThat(detail.get("electronicResult").asBoolean()).isTrue();
        assertThat(detail.get("statusCode").asInt()).as("issuing changes no status").isEqualTo(4);
        assertThat(detail.get("history").valueStream().filter(h -> h.get("action").asString().equals("RESULT_ISSUED"))
                .map(h -> h.get("note").asString())).containsExactly(NAME + " · " + resultCode);
    }

    @Test
    void the_desk_and_an_administrator_may_issue_one_others_who_see_the_dossier_are_refused_the_rest_find_nothing() {
        String code = accepted("Lê Văn Quyền Hạn");
        byte[] pdf = Pdfs.document("QUYET DINH");
        created(issue("tiepnhan", code, "qd.pdf", pdf, "Quyết định số 5/QĐ-UBND"));
        created(issue("admin", code, "qd.pdf", pdf, "Quyết định số 6/QĐ-UBND"));

        // The leader's unit (SXD.LD) sees the dossier but does not hold its step yet.
        Api.Response leader = issue("lanhdao.sxd", code, "qd.pdf", pdf, NAME);
        assertThat(leader.status()).isEqualTo(403);
        assertThat(leader.json().get("detail").asString()).contains("Chỉ đơn vị đang giữ bước xử lý");
        assertThat(issue("giamsat", code, "qd.pdf", pdf, NAME).status()).isEqualTo(403);
        // A specialist of a unit the dossier never passes through: no such dossier for them.
        assertThat(issue("chuyenvien", code, "qd.pdf", pdf, NAME).status()).isEqualTo(404);
        assertThat(as("chuyenvien").get("/api/v1/dossiers/" + code + "/results").status()).isEqualTo(404);
        long id = as("tiepnhan").get("/api/v1/dossiers/" + code + "/results").json().get(0).get("id").asLong();
        assertThat(as("chuyenvien").download("/api/v1/dossiers/" + code + "/results/" + id).status()).isEqualTo(404);
        assertThat(Api.anonymous(port).download("/api/v1/dossiers/" + code + "/results/" + id).status()).isEqualTo(401);
        // A result of another dossier reads as unknown.
        String other = accepted("Lê Văn Khác");
        assertThat(as("tiepnhan").download("/api/v1/dossiers/" + other + "/results/" + id).status()).isEqualTo(404);
    }

    @Test
    void anything_but_a_readable_pdf_with_a_name_is_refused_in_vietnamese_or_in_english() {
        String code = accepted("Đỗ Văn Tệp Sai");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};
        Api.Response image = issue("chuyenvien.sxd", code, "anh.pdf", png, NAME);
        assertThat(image.status()).isEqualTo(415);
        assertThat(image.json().get("detail").asString()).contains("Chỉ nhận tệp PDF");

        Api.Response damaged = issue("chuyenvien.sxd", code, "hong.pdf",
                "%PDF-1.7\nnot a document\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), NAME);
        assertThat(damaged.status()).isEqualTo(400);
        assertThat(damaged.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
        assertThat(damaged.json().get("errors").get(0).get("message").asString()).contains("Không đọc được tệp PDF");

        Api.Response protectedPdf = issue("chuyenvien.sxd", code, "mat.pdf",
                Pdfs.encrypted(Pdfs.document("MAT")), NAME);
        assertThat(protectedPdf.status()).isEqualTo(400);

        Api.Response unnamed = issue("chuyenvien.sxd", code, "kq.pdf", Pdfs.document("KQ"), "  ");
        assertThat(unnamed.status()).isEqualTo(400);
        assertThat(unnamed.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        // A multipart field is held to the text rules too: a NUL would fail the write (PostgreSQL refuses it).
        Api.Response nul = issue("chuyenvien.sxd", code, "kq.pdf", Pdfs.document("KQ"), "Giấy\u0000phép");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("field").asString()).isEqualTo("name");

        Api.Response english = as("chuyenvien.sxd").header("Accept-Language", "en").upload(
                "/api/v1/dossiers/" + code + "/results", "anh.pdf", png, Map.of("name", NAME));
        assertThat(english.json().get("detail").asString()).startsWith("Only PDF files are accepted");

        assertThat(as("chuyenvien.sxd").get("/api/v1/dossiers/" + code + "/results").json().isEmpty())
                .as("nothing refused was issued").isTrue();
        assertThat(as("tiepnhan").get("/api/v1/dossiers/" + code).json().get("electronicResult").asBoolean())
                .isFalse();
    }

    @Test
    void the_unit_of_the_last_step_issues_once_the_result_is_ready_not_once_it_was_returned_or_stopped() {
        String code = ready("Vũ Văn Trả Rồi");
        created(issue("lanhdao.sxd", code, "gp.pdf", Pdfs.document("GP"), NAME));
        assertThat(issue("chuyenvien.sxd", code, "gp.pdf", Pdfs.document("GP"), NAME).status())
                .as("the appraisal is no longer the last step held").isEqualTo(403);
        ok(as("tiepnhan").post("/api/v1/dossiers/" + code + "/return-result", Map.of("method", "DIRECT")));
        Api.Response returned = issue("tiepnhan", code, "gp.pdf", Pdfs.document("GP"), NAME);
        assertThat(returned.status()).isEqualTo(409);
        assertThat(returned.json().get("detail").asString()).contains(code);

        String stopped = accepted("Vũ Văn Dừng");
        ok(as("tiepnhan").post("/api/v1/dossiers/" + stopped + "/stop", Map.of("reason", "Người nộp đề nghị dừng")));
        assertThat(issue("tiepnhan", stopped, "gp.pdf", Pdfs.document("GP"), NAME).status()).isEqualTo(409);
    }

    @Test
    void an_online_return_is_refused_until_the_dossier_has_an_electronic_result() {
        String code = ready("Hoàng Thị Trực Tuyến");
        Api.Response refused = as("tiepnhan").post("/api/v1/dossiers/" + code + "/return-result",
                Map.of("method", "ONLINE"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("chưa có kết quả điện tử");
        assertThat(refused.contentType()).startsWith("application/problem+json");

        created(issue("lanhdao.sxd", code, "gp.pdf", Pdfs.document("GP"), NAME));
        JsonNode returned = ok(as("tiepnhan").post("/api/v1/dossiers/" + code + "/return-result",
                Map.of("method", "ONLINE")));
        assertThat(returned.get("statusCode").asInt()).isEqualTo(10);
        assertThat(as("tiepnhan").get("/api/v1/dossiers/" + code).json().get("returnMethod").asString())
                .isEqualTo("ONLINE");
    }

    @Test
    void anyone_checks_a_result_code_and_sees_the_dossier_code_masked_an_unknown_code_is_a_404_problem() {
        String code = accepted("Trịnh Văn Xác Thực");
        JsonNode issued = created(issue("chuyenvien.sxd", code, "gp.pdf", Pdfs.document("GP"), NAME));
        String resultCode = issued.get("resultCode").asString();

        JsonNode check = ok(Api.anonymous(port).get("/api/public/results/" + resultCode));
        assertThat(check.get("resultCode").asString()).isEqualTo(resultCode);
        String daily = code.substring(code.lastIndexOf('-') + 1);
        assertThat(check.get("dossierCode").asString()).endsWith("-" + daily).doesNotContain("H27")
                .hasSize(code.length()).matches("[*.]+-\\*+-" + daily);
        assertThat(check.get("procedureName").asString()).isEqualTo("Cấp phép thử nghiệm kết quả điện tử");
        assertThat(check.get("agencyName").asString()).isEqualTo("Sở Xây dựng thành phố Hải Phòng");
        assertThat(check.get("sha256").asString()).isEqualTo(issued.get("sha256").asString());
        assertThat(check.get("issuedAt").asString()).isEqualTo(issued.get("issuedAt").asString());
        assertThat(check.has("applicant")).isFalse();
        // Typed by hand: small letters and hyphens are the same code.
        String typed = (resultCode.substring(0, 4) + "-" + resultCode.substring(4, 8) + "-" + resultCode.substring(8))
                .toLowerCase();
        assertThat(ok(Api.anonymous(port).get("/api/public/results/" + typed)).get("resultCode").asString())
                .isEqualTo(resultCode);

        Api.Response unknown = Api.anonymous(port).get("/api/public/results/ZZZZ2222ZZZZ");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(unknown.json().get("detail").asString()).contains("Không tìm thấy kết quả điện tử");
        assertThat(Api.anonymous(port).header("Accept-Language", "en").get("/api/public/results/ZZZZ2222ZZZZ").json()
                .get("detail").asString()).startsWith("No electronic result has this code");
        assertThat(Api.anonymous(port).get("/api/public/results/not-a-code").status()).isEqualTo(404);
    }

    @Test
    void after_ten_unknown_codes_one_address_is_refused_for_a_while_even_a_right_code() {
        String code = accepted("Mai Văn Đoán Mã");
        String resultCode = created(issue("chuyenvien.sxd", code, "gp.pdf", Pdfs.document("GP"), NAME))
                .get("resultCode").asString();
        for (int i = 0; i < LookupGuard.FAILURES.max(); i++) {
            assertThat(Api.anonymous(port).get("/api/public/results/ZZZZ2222ZZ" + (22 + i)).status()).isEqualTo(404);
        }
        Api.Response blocked = Api.anonymous(port).get("/api/public/results/" + resultCode);
        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().get("detail").asString()).contains("quá nhiều lần");
    }

    @Test
    void the_portal_reads_a_dossiers_results_and_their_files_without_a_caller() throws IOException {
        String code = accepted("Ngô Văn Cổng");
        JsonNode issued = created(issue("chuyenvien.sxd", code, "gp.pdf", Pdfs.document("GP"), NAME));
        List<DossierResults.Result> listed = results.of(code);
        assertThat(listed).extracting(DossierResults.Result::resultCode)
                .containsExactly(issued.get("resultCode").asString());
        try (InputStream content = results.file(code, listed.get(0).id()).orElseThrow().content()) {
            assertThat(Pdfs.sha256(content.readAllBytes())).isEqualTo(issued.get("sha256").asString());
        }
        assertThat(results.file(accepted("Ngô Văn Khác"), listed.get(0).id())).isEmpty();
        assertThat(results.of("000.00.00.H27-000101-9999")).isEmpty();
    }
}
