package vn.motcua.demo;

import java.time.LocalDate;
import java.util.List;
import vn.motcua.catalog.CatalogTypes.Applicant;
import vn.motcua.catalog.CatalogTypes.ClockPolicy;
import vn.motcua.catalog.CatalogTypes.CopyKind;
import vn.motcua.catalog.CatalogTypes.OnlineLevel;
import vn.motcua.catalog.CatalogTypes.StepRole;
import vn.motcua.catalog.CatalogTypes.TimeLimit;
import vn.motcua.catalog.CatalogTypes.TimeUnit;
import vn.motcua.catalog.ProcedureData;

/**
 * Plausible published procedures for scale tests and benchmarks ({@code --motcua.demo.synthetic-procedures=N}):
 * codes {@code 9.xxxxxx.000.00.00.H27}, names combined from an action, an object and a subject, steps that add
 * up to the time limit. Deterministic for a given index. The demo's dossier history leaves them out (by the
 * {@value #PREFIX} prefix).
 */
final class SyntheticProcedures {

    static final String PREFIX = "9.";

    private SyntheticProcedures() {}

    static String code(int i) {
        return String.format("%s%06d.000.00.00.H27", PREFIX, i + 1);
    }

    private static final String[] ACTIONS = {"Cấp", "Cấp lại", "Cấp đổi", "Gia hạn", "Điều chỉnh", "Thu hồi",
        "Đăng ký", "Thẩm định", "Phê duyệt", "Xác nhận", "Công nhận", "Chấp thuận"};
    private static final String[] OBJECTS = {"giấy phép hoạt động", "chứng chỉ hành nghề", "giấy chứng nhận đủ điều kiện",
        "giấy xác nhận", "quyết định thành lập", "phương án", "hồ sơ thiết kế", "giấy phép kinh doanh",
        "báo cáo đánh giá", "đề án", "danh mục", "giấy phép khai thác"};
    private static final String[] SUBJECTS = {"cơ sở giáo dục mầm non", "cơ sở bán lẻ thuốc", "bến thủy nội địa",
        "đại lý bảo hiểm", "cơ sở lưu trú du lịch", "cửa hàng xăng dầu", "trung tâm ngoại ngữ", "nhà thuốc",
        "phòng khám đa khoa", "doanh nghiệp vận tải", "hợp tác xã", "công trình thủy lợi", "điểm thu gom rác thải",
        "cơ sở giết mổ gia súc", "trạm sạc xe điện", "khu công nghiệp", "cảng cá", "chợ đầu mối"};
    private static final String[] FIELDS = {"Thương mại", "Y tế", "Giáo dục và Đào tạo", "Đường thủy nội địa",
        "Du lịch", "Nông nghiệp", "Môi trường", "Công nghiệp", "Văn hóa", "Thủy lợi"};

    /** A plausible, published procedure whose steps fit its time limit; deterministic for {@code i}. */
    static ProcedureData procedure(int i) {
        String name = ACTIONS[i % ACTIONS.length] + " " + OBJECTS[(i / ACTIONS.length) % OBJECTS.length] + " "
                + SUBJECTS[(i / (ACTIONS.length * OBJECTS.length)) % SUBJECTS.length] + " (mẫu " + (i + 1) + ")";
        int days = 3 + i % 28;
        int hours = days * 8;
        int appraisal = hours - 4 - 8 - 4;
        return new ProcedureData(code(i), name, FIELDS[i % FIELDS.length],
                "Ủy ban nhân dân thành phố Hải Phòng", "000.00.00.H27", List.of(Applicant.CITIZEN, Applicant.ORGANIZATION),
                new TimeLimit(days, TimeUnit.WORKING_DAYS), i % 3 == 0 ? OnlineLevel.FULL : OnlineLevel.PARTIAL, 1,
                List.of(new ProcedureData.FeeData("Phí thẩm định", 100_000L * (1 + i % 20), null, null)), null,
                List.of(new ProcedureData.DocumentData(null, "Đơn đề nghị theo mẫu", CopyKind.ORIGINAL, 1, true, null),
                        new ProcedureData.DocumentData(null, "Giấy tờ chứng minh điều kiện", CopyKind.CERTIFIED_COPY, 1,
                                i % 2 == 0, null)),
                List.of(new ProcedureData.StepData(1, "Tiếp nhận, kiểm tra hồ sơ", "VP.MC", StepRole.RECEPTION, 4,
                                "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"),
                        new ProcedureData.StepData(2, "Thẩm định hồ sơ", "VP.KTN", StepRole.SPECIALIST, appraisal,
                                "Tờ trình"),
                        new ProcedureData.StepData(3, "Phê duyệt", "VP.LD", StepRole.LEADER, 8, "Văn bản phê duyệt"),
                        new ProcedureData.StepData(4, "Trả kết quả", "VP.MC", StepRole.RECEPTION, 4, null)),
                "Văn bản chấp thuận", null, "Dữ liệu thử nghiệm tải (không phải thủ tục thật)",
                ClockPolicy.RESTART, null, null, null,
                new ProcedureData.Publication("9999/QĐ-UBND", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 5)));
    }
}
