package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import tools.jackson.databind.JsonNode;
import vn.motcua.identity.Citizens;
import vn.motcua.support.Api;

/**
 * What the portal's tests share: citizens' accounts of their own, published procedures of their own, and files. The
 * procedures take the Office's desk VP.MC, then the Department of Construction (SXD.QLXD specialist, SXD.LD leader),
 * then the desk again, with two mandatory documents and one optional.
 */
final class PortalFixtures {

    static final String PASSWORD = "Cong-dan#2026";
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0};

    private PortalFixtures() {}

    /** An active account at {@code level}, signed in by user name, e-mail {@code <username>@congdan.example}. */
    static Citizens.CitizenUser citizen(Citizens citizens, String username, String fullName, String citizenId,
            int level) {
        return citizens.open(username, new Citizens.Registration(fullName, citizenId, LocalDate.of(1985, 3, 4), null,
                username + "@congdan.example", "5 Điện Biên Phủ, Hồng Bàng, Hải Phòng", null, null), PASSWORD, level);
    }

    static Api as(int port, Citizens.CitizenUser citizen) {
        return Api.as(port, citizen.username(), PASSWORD);
    }

    /** Publishes a procedure of the test's own (unless an earlier test class of the same run did). */
    static void procedure(int port, String code, String name, String onlineLevel, int assuranceLevel) {
        Api admin = Api.as(port, "admin");
        if (Api.anonymous(port).get("/api/public/procedures/" + code).status() == 200) {
            return;
        }
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", code, "name", name, "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", onlineLevel,
                "requiredAssuranceLevel", assuranceLevel, "clockPolicy", "RESTART",
                "fees", List.of(Map.of("name", "Lệ phí cấp giấy phép", "amount", 150000))));
        p.put("documents", List.of(
                Map.of("name", "Đơn đề nghị cấp phép", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                Map.of("name", "Bản vẽ thiết kế", "copyKind", "COPY", "count", 2, "mandatory", true),
                Map.of("name", "Giấy tờ khác", "copyKind", "COPY", "count", 1, "mandatory", false)));
        p.put("steps", List.of(
                Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4)));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber",
                "12/QĐ-UBND", "decisionDate", "2026-01-05", "effectiveFrom", "2026-01-05"));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
    }

    /** A real one-page PDF, as an electronic result must be (it is stamped with its result code). */
    static byte[] resultPdf() {
        try (PDDocument document = new PDDocument()) {
            document.addPage(new PDPage());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The ids of the procedure's documents, in order. */
    static List<Long> documents(JsonNode draft) {
        return draft.get("documents").valueStream().map(d -> d.get("documentId").asLong()).toList();
    }

    /** A draft with a file for each mandatory document. */
    static long completeDraft(Api citizen, String procedure) {
        JsonNode draft = citizen.post("/api/citizen/v1/drafts", Map.of("procedureCode", procedure)).json();
        long id = draft.get("id").asLong();
        for (JsonNode document : draft.get("documents")) {
            if (document.get("mandatory").asBoolean()) {
                Api.Response file = citizen.upload("/api/citizen/v1/drafts/" + id + "/files",
                        document.get("name").asString() + ".pdf", PDF,
                        Map.of("documentId", document.get("documentId").asString()));
                assertThat(file.status()).as(file.toString()).isEqualTo(201);
            }
        }
        return id;
    }
}
