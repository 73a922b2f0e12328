package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.Intakes;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DossierFilesTest {

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13};

    @LocalServerPort
    int port;

    String code;
    long documentId;

    @BeforeAll
    void receiveADossier() {
        // A published demo procedure: the first one with a document list.
        JsonNode procedure = Api.anonymous(port).get("/api/public/procedures/"
                + Api.anonymous(port).get("/api/public/procedures?q=giay+phep+xay+dung").json().get("items").get(0)
                        .get("code").asString()).json();
        List<Map<String, Object>> documents = Intakes.mandatoryDocuments(port, procedure.get("code").asString());
        documentId = procedure.get("documents").get(0).get("id").asLong();
        Map<String, Object> body = new HashMap<>();
        body.put("procedureCode", procedure.get("code").asString());
        body.put("channel", "DIRECT");
        body.put("applicant", Map.of("fullName", "Bùi Văn Tệp", "citizenId", "031090001234"));
        body.put("documents", documents);
        intake = body;
        code = receive();
    }

    Map<String, Object> intake;

    String receive() {
        Api.Response receipt = desk().post("/api/v1/dossiers", intake);
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        return receipt.json().get("code").asString();
    }

    Api desk() {
        return Api.as(port, "tiepnhan");
    }

    @Test
    void a_pdf_is_stored_by_its_hash_and_downloaded_as_an_attachment() {
        Api.Response uploaded = desk().upload("/api/v1/dossiers/" + code + "/files", "Đơn đề nghị.pdf", PDF,
                Map.of("documentId", Long.toString(documentId)));
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        JsonNode file = uploaded.json();
        assertThat(file.get("name").asString()).isEqualTo("Đơn đề nghị.pdf");
        assertThat(file.get("contentType").asString()).isEqualTo("application/pdf");
        assertThat(file.get("size").asLong()).isEqualTo(PDF.length);
        assertThat(file.get("sha256").asString()).matches("[0-9a-f]{64}");

        Api.Download download = desk().download("/api/v1/dossiers/" + code + "/files/" + file.get("id").asLong());
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.header("Content-Disposition")).startsWith("attachment");
        assertThat(desk().get("/api/v1/dossiers/" + code + "/files").json().size()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void files_are_judged_by_content_not_by_name() {
        assertThat(desk().upload("/api/v1/dossiers/" + code + "/files", "hop-le.pdf",
                "MZ\u0090\u0000 this is an executable".getBytes(StandardCharsets.ISO_8859_1), Map.of()).status()).isEqualTo(415);
        assertThat(desk().upload("/api/v1/dossiers/" + code + "/files", "anh.png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), Map.of()).status()).isEqualTo(415);
        Api.Response png = desk().upload("/api/v1/dossiers/" + code + "/files", "scan.pdf", PNG, Map.of());
        assertThat(png.status()).isEqualTo(201);
        assertThat(png.json().get("contentType").asString()).isEqualTo("image/png");
    }

    @Test
    void hostile_names_lose_their_path_parts() {
        JsonNode file = desk().upload("/api/v1/dossiers/" + code + "/files", "../../etc/passwd.pdf", PDF, Map.of()).json();
        assertThat(file.get("name").asString()).isEqualTo("passwd.pdf");
        JsonNode windows = desk().upload("/api/v1/dossiers/" + code + "/files", "C:\\Windows\\..\\evil<x>.pdf", PDF, Map.of()).json();
        assertThat(windows.get("name").asString()).isEqualTo("evil_x_.pdf");
        JsonNode hidden = desk().upload("/api/v1/dossiers/" + code + "/files", "...", PDF, Map.of()).json();
        assertThat(hidden.get("name").asString()).isEqualTo("tep.pdf");
    }

    @Test
    void a_file_over_the_limit_is_ended_with_413() {
        byte[] large = new byte[21 * 1024 * 1024];
        System.arraycopy(PDF, 0, large, 0, PDF.length);
        Api.Response response = desk().upload("/api/v1/dossiers/" + code + "/files", "lon.pdf", large, Map.of());
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("detail").asString()).contains("20 MB");
    }

    @Test
    void only_those_who_may_see_the_dossier_touch_its_files() {
        long id = desk().upload("/api/v1/dossiers/" + code + "/files", "rieng.pdf", PDF, Map.of()).json().get("id").asLong();
        assertThat(Api.anonymous(port).download("/api/v1/dossiers/" + code + "/files/" + id).status()).isEqualTo(401);
        assertThat(Api.as(port, "chuyenvien").download("/api/v1/dossiers/" + code + "/files/" + id).status()).isEqualTo(404);
        assertThat(Api.as(port, "vanthu").upload("/api/v1/dossiers/" + code + "/files", "x.pdf", PDF, Map.of()).status())
                .isEqualTo(403);
        assertThat(desk().download("/api/v1/dossiers/" + code + "/files/999999999").status()).isEqualTo(404);
        assertThat(desk().upload("/api/v1/dossiers/" + code + "/files", "x.pdf", PDF, Map.of("documentId", "123456789"))
                .status()).isEqualTo(400);
    }

    @Test
    void a_dossier_that_has_ended_takes_no_more_files() {
        String ended = receive();
        Api.Response withdrawal = desk().post("/api/v1/dossiers/" + ended + "/withdraw",
                Map.of("reason", "Công dân có đơn xin rút hồ sơ"));
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(200);
        int filesBefore = desk().get("/api/v1/dossiers/" + ended + "/files").json().size();

        Api.Response late = desk().upload("/api/v1/dossiers/" + ended + "/files", "muon.pdf", PDF, Map.of());

        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("detail").asString()).contains(ended);
        assertThat(desk().get("/api/v1/dossiers/" + ended + "/files").json().size()).isEqualTo(filesBefore);
    }
}
