package vn.motcua.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Procedures in the API's JSON shape, valid unless a test breaks them on purpose. */
final class CatalogFixtures {

    private CatalogFixtures() {}

    /** 15 working days = 120 hours = 4 + 100 + 12 + 4. */
    static Map<String, Object> procedure(String code, String name) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", code);
        p.put("name", name);
        p.put("field", "Xây dựng");
        p.put("agencyName", "Sở Xây dựng thành phố Hải Phòng");
        p.put("agencyCode", "000.00.07.H27");
        p.put("applicants", List.of("CITIZEN", "ORGANIZATION"));
        p.put("timeLimit", Map.of("amount", 15, "unit", "WORKING_DAYS"));
        p.put("onlineLevel", "PARTIAL");
        p.put("fees", List.of(Map.of("name", "Lệ phí cấp giấy phép", "amount", 150000)));
        p.put("documents", new ArrayList<>(List.of(
                Map.of("name", "Đơn đề nghị", "copyKind", "ORIGINAL", "count", 1, "mandatory", true),
                Map.of("name", "Bản vẽ thiết kế", "copyKind", "COPY", "count", 2, "mandatory", false))));
        p.put("steps", new ArrayList<>(List.of(
                step(1, "Tiếp nhận hồ sơ", "VP.MC", "RECEPTION", 4),
                step(2, "Thẩm định hồ sơ", "SXD.QLXD", "SPECIALIST", 100),
                step(3, "Phê duyệt", "SXD.LD", "LEADER", 12),
                step(4, "Trả kết quả", "VP.MC", "RECEPTION", 4))));
        p.put("result", "Giấy phép");
        p.put("legalBasis", "Luật Xây dựng 2014");
        return p;
    }

    static Map<String, Object> step(int order, String name, String unit, String role, int hours) {
        return Map.of("order", order, "name", name, "unitCode", unit, "role", role, "durationHours", hours);
    }

    static Map<String, Object> decision() {
        return Map.of("decisionNumber", "1500/QĐ-UBND", "decisionDate", "2026-03-02", "effectiveFrom", "2026-03-05");
    }
}
