package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.motcua.support.Api;

/**
 * The process most dossier tests walk: intake at the Office's desk (VP.MC, 4 h), appraisal at SXD.QLXD
 * (SPECIALIST, 28 h), approval at SXD.LD (LEADER, 4 h), return at the desk (4 h); time limit 5 working days,
 * one mandatory document. Each test class publishes it under a code of its own (1.9xxxxx.000.00.00.H27).
 */
public final class ProcessFixtures {

    private ProcessFixtures() {}

    /** Publishes the procedure (in force from {@code effectiveFrom}) and returns its mandatory document's id. */
    public static long publishFourStepProcess(int port, String code, String name, String clockPolicy,
            String effectiveFrom) {
        Api admin = Api.as(port, "admin");
        Map<String, Object> p = new HashMap<>(Map.of(
                "code", code, "name", name, "field", "Xây dựng",
                "agencyName", "Sở Xây dựng thành phố Hải Phòng", "applicants", List.of("CITIZEN"),
                "timeLimit", Map.of("amount", 5, "unit", "WORKING_DAYS"), "onlineLevel", "PARTIAL",
                "clockPolicy", clockPolicy,
                "documents", List.of(Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true)),
                "steps", List.of(
                        Map.of("order", 1, "name", "Tiếp nhận", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4),
                        Map.of("order", 2, "name", "Thẩm định", "unitCode", "SXD.QLXD", "role", "SPECIALIST", "durationHours", 28),
                        Map.of("order", 3, "name", "Phê duyệt", "unitCode", "SXD.LD", "role", "LEADER", "durationHours", 4),
                        Map.of("order", 4, "name", "Trả kết quả", "unitCode", "VP.MC", "role", "RECEPTION", "durationHours", 4))));
        Api.Response created = admin.post("/api/v1/procedures", p);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Api.Response published = admin.post("/api/v1/procedures/" + code + "/publish", Map.of("decisionNumber",
                "78/QĐ-UBND", "decisionDate", effectiveFrom, "effectiveFrom", effectiveFrom));
        assertThat(published.status()).as(published.toString()).isEqualTo(200);
        return Api.anonymous(port).get("/api/public/procedures/" + code).json().get("documents").get(0).get("id")
                .asLong();
    }
}
