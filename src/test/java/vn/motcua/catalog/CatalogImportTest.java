package vn.motcua.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.catalog.CatalogFixtures.procedure;
import static vn.motcua.catalog.CatalogFixtures.step;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class CatalogImportTest {

    @LocalServerPort
    int port;

    Api admin() {
        return Api.as(port, "admin");
    }

    @Test
    void a_json_import_creates_and_publishes_every_row() {
        Map<String, Object> first = procedure("1.920001.000.00.00.H27", "Nhập thử thủ tục thứ nhất");
        first.put("publication", CatalogFixtures.decision());
        Map<String, Object> second = procedure("1.920002.000.00.00.H27", "Nhập thử thủ tục thứ hai");
        Api.Response response = admin().post("/api/v1/procedures/import", List.of(first, second));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("applied").asBoolean()).isTrue();
        assertThat(report.get("created").asInt()).isEqualTo(2);
        assertThat(Api.anonymous(port).get("/api/public/procedures/1.920001.000.00.00.H27").status()).isEqualTo(200);
        assertThat(admin().get("/api/v1/procedures/1.920002.000.00.00.H27").json().get("status").asString())
                .isEqualTo("DRAFT");
    }

    @Test
    void a_file_with_a_bad_row_imports_nothing_and_says_which_row_and_why() {
        Map<String, Object> good = procedure("1.920003.000.00.00.H27", "Nhập thử thủ tục hợp lệ");
        good.put("publication", CatalogFixtures.decision());
        Map<String, Object> bad = procedure("1.920004.000.00.00.H27", "Nhập thử thủ tục sai thời gian");
        bad.put("steps", List.of(step(1, "Tiếp nhận", "VP.MC", "RECEPTION", 4), step(2, "Trả", "VP.MC", "RECEPTION", 4)));
        bad.put("publication", CatalogFixtures.decision());
        Map<String, Object> unnamed = procedure("1.920005.000.00.00.H27", "");

        Api.Response response = admin().post("/api/v1/procedures/import", List.of(good, bad, unnamed));
        assertThat(response.status()).isEqualTo(422);
        JsonNode report = response.json();
        assertThat(report.get("applied").asBoolean()).isFalse();
        assertThat(report.get("rejected").asInt()).isEqualTo(2);
        JsonNode rows = report.get("rows");
        assertThat(rows.get(0).get("result").asString()).isEqualTo("CREATED");
        assertThat(rows.get(1).get("row").asInt()).isEqualTo(2);
        assertThat(rows.get(1).get("result").asString()).isEqualTo("REJECTED");
        assertThat(rows.get(1).get("errors").get(0).get("message").asString()).contains("tổng thời gian các bước là 8 giờ");
        assertThat(rows.get(2).get("errors").get(0).get("field").asString()).isEqualTo("name");

        assertThat(admin().get("/api/v1/procedures/1.920003.000.00.00.H27").status()).isEqualTo(404);
    }

    @Test
    void the_xlsx_export_imports_back_and_bad_rows_in_a_workbook_are_reported() throws Exception {
        Map<String, Object> p = procedure("1.920006.000.00.00.H27", "Thủ tục đi qua Excel");
        p.put("publication", CatalogFixtures.decision());
        p.put("requiredAssuranceLevel", 2);
        assertThat(admin().post("/api/v1/procedures/import", List.of(p)).status()).isEqualTo(200);

        byte[] workbook = download("/api/v1/procedures/export?format=xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            assertThat(book.getSheetName(0)).isEqualTo("Thủ tục");
            assertThat(book.getSheet("Quy trình")).isNotNull();
            Sheet procedures = book.getSheet("Thủ tục");
            Row row = null;
            for (Row r : procedures) {
                if ("1.920006.000.00.00.H27".equals(r.getCell(0).getStringCellValue())) {
                    row = r;
                }
            }
            assertThat(row).isNotNull();
            assertThat(row.getCell(1).getStringCellValue()).isEqualTo("Thủ tục đi qua Excel");
            assertThat(procedures.getRow(0).getCell(16).getStringCellValue())
                    .isEqualTo("Mức định danh điện tử để nộp trực tuyến (1, 2)");
            assertThat(row.getCell(16).getNumericCellValue()).isEqualTo(2);

            // Keep only our procedure, rename it, and add a second row whose steps are missing.
            for (int i = procedures.getLastRowNum(); i >= 1; i--) {
                if (procedures.getRow(i) != row) {
                    procedures.removeRow(procedures.getRow(i));
                }
            }
            row.getCell(1).setCellValue("Thủ tục đi qua Excel (sửa)");
            Row extra = procedures.createRow(procedures.getLastRowNum() + 2);
            for (int c = 0; c < row.getLastCellNum(); c++) {
                if (row.getCell(c) != null) {
                    extra.createCell(c).setCellValue(row.getCell(c).toString());
                }
            }
            extra.getCell(0).setCellValue("1.920007.000.00.00.H27");
            extra.getCell(6).setCellValue(15);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);

            JsonNode report = upload("catalogue.xlsx", out.toByteArray()).json();
            assertThat(report.get("applied").asBoolean()).isFalse();
            JsonNode rejected = report.get("rows").valueStream().filter(r -> r.get("result").asString().equals("REJECTED"))
                    .findFirst().orElseThrow();
            assertThat(rejected.get("code").asString()).isEqualTo("1.920007.000.00.00.H27");
            assertThat(rejected.get("row").asInt()).isEqualTo(extra.getRowNum() + 1);
            assertThat(rejected.get("errors").toString()).contains("quy trình nội bộ");
        }
        assertThat(Api.anonymous(port).get("/api/public/procedures/1.920006.000.00.00.H27").json().get("name").asString())
                .isEqualTo("Thủ tục đi qua Excel");
    }

    @Test
    void a_file_that_is_not_an_xlsx_is_refused_whatever_its_name() throws Exception {
        assertThat(upload("catalogue.xlsx", "%PDF-1.7 not a workbook".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(415);
        assertThat(upload("catalogue.xlsx", new byte[] {0x50, 0x4B, 0x03, 0x04, 1, 2, 3}).status()).isEqualTo(400);
        assertThat(Api.as(port, "giamsat").post("/api/v1/procedures/import", List.of()).status()).isEqualTo(403);
    }

    @Test
    void the_json_export_lists_the_published_catalogue() {
        JsonNode all = admin().get("/api/v1/procedures/export?format=json").json();
        assertThat(all.valueStream().map(p -> p.get("status").asString())).containsOnly("PUBLISHED");
        assertThat(admin().get("/api/v1/procedures/export?format=pdf").status()).isEqualTo(400);
    }

    private byte[] download(String path) {
        Api.Download response = admin().download(path);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Disposition")).contains("attachment");
        return response.body();
    }

    private Api.Response upload(String name, byte[] content) {
        return admin().upload("/api/v1/procedures/import", name, content, Map.of());
    }
}
