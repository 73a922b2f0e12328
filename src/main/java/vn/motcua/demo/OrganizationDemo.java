package vn.motcua.demo;

import java.util.List;
import org.springframework.stereotype.Component;
import vn.motcua.organization.AgencyKind;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.StaffForm;
import vn.motcua.organization.UnitKind;

/**
 * The Office of Hải Phòng City People's Committee as the 2019 report describes it: 9 departments and 1
 * board, a staffing quota of 75 with 70 staff in post, its leadership, the one-stop desk; and the City
 * People's Committee as its parent. Electronic IDs have the shape of Decision 20/2020/QĐ-TTg Art. 4 (amended
 * by Decision 09/2025); the province group H27 is a placeholder, since Hải Phòng's group is unconfirmed (public
 * systems use H27 for Hà Tĩnh). Codes are data, also because they are reissued after mergers. Staff names are
 * invented, except the City leaders of 2019, who are public office holders. Everything goes
 * through {@link Organization}'s commands, like an administrator's.
 */
@Component
class OrganizationDemo {

    static final String CITY = "000.00.00.H27";
    static final String OFFICE = "000.00.01.H27";

    private final Organization organization;

    OrganizationDemo(Organization organization) {
        this.organization = organization;
    }

    /** Loads the organisation unless agencies are already registered. */
    void load() {
        if (!organization.agencies().isEmpty()) {
            return;
        }
        positions();
        organization.registerAgency(CITY, "Ủy ban nhân dân thành phố Hải Phòng", "UBND thành phố",
                AgencyKind.PEOPLES_COMMITTEE, null, "18 Hoàng Diệu, Hồng Bàng, Hải Phòng", 0);
        organization.registerAgency(OFFICE, "Văn phòng Ủy ban nhân dân thành phố Hải Phòng", "Văn phòng UBND",
                AgencyKind.OFFICE, CITY, "18 Hoàng Diệu, Hồng Bàng, Hải Phòng", 75);

        unit(CITY, "UB.TT", "Thường trực Ủy ban nhân dân thành phố", UnitKind.LEADERSHIP);
        people("UB.TT", "CT", "Nguyễn Văn Tùng");
        people("UB.TT", "PCT", "Nguyễn Xuân Bình", "Lê Khắc Nam", "Nguyễn Đình Chuyến", "Lê Anh Quân");

        // The Office: 70 staff in post against a quota of 75 (report of 21/09/2019).
        unit(OFFICE, "VP.LD", "Lãnh đạo Văn phòng", UnitKind.LEADERSHIP);
        people("VP.LD", "CVP", "Đoàn Mạnh Hùng");
        people("VP.LD", "PCVP", "Nguyễn Văn Hải:lanhdao", "Phạm Thị Thu Hằng", "Bùi Đức Thắng", "Lương Quang Trung");

        unit(OFFICE, "VP.HCTC", "Phòng Hành chính - Tổ chức", UnitKind.DEPARTMENT);
        people("VP.HCTC", "TP", "Trần Văn Cường");
        people("VP.HCTC", "PTP", "Ngô Thị Mai");
        people("VP.HCTC", "CV", "Phạm Đức Anh:admin", "Hoàng Minh Khánh", "Vũ Thị Ngân", "Đinh Văn Sơn");
        people("VP.HCTC", "VT", "Đỗ Thị Lan:vanthu", "Lưu Thị Yến");

        unit(OFFICE, "VP.TH", "Phòng Tổng hợp", UnitKind.DEPARTMENT);
        people("VP.TH", "TP", "Nguyễn Quang Huy");
        people("VP.TH", "PTP", "Đặng Thị Hồng", "Mạc Văn Phong");
        people("VP.TH", "CVC", "Vũ Thanh Hương:giamsat", "Phan Văn Dũng");
        people("VP.TH", "CV", "Lê Thị Thảo", "Nguyễn Hữu Long", "Trần Thị Nhung");

        unit(OFFICE, "VP.NC", "Phòng Nội chính", UnitKind.DEPARTMENT);
        people("VP.NC", "TP", "Hà Văn Tuấn");
        people("VP.NC", "PTP", "Bùi Thị Trang");
        people("VP.NC", "CV", "Dương Minh Đạt", "Nguyễn Thị Huyền", "Trần Xuân Quân", "Phạm Văn Nam");

        unit(OFFICE, "VP.KTTC", "Phòng Kinh tế - Tài chính", UnitKind.DEPARTMENT);
        people("VP.KTTC", "TP", "Lê Văn Thành");
        people("VP.KTTC", "PTP", "Nguyễn Thị Phương");
        people("VP.KTTC", "CVC", "Đỗ Quang Vinh");
        people("VP.KTTC", "CV", "Hoàng Thị Dung", "Vũ Đức Toàn", "Ngô Thu Trang", "Phạm Minh Hiếu");

        unit(OFFICE, "VP.KTN", "Phòng Kinh tế ngành", UnitKind.DEPARTMENT);
        people("VP.KTN", "TP", "Đinh Quang Minh");
        people("VP.KTN", "PTP", "Trần Thị Oanh");
        people("VP.KTN", "CV", "Lương Văn Tú", "Nguyễn Ngọc Ánh", "Bùi Văn Khải", "Đặng Thu Hiền",
                "Lê Hoàng Việt");

        unit(OFFICE, "VP.DT", "Phòng Đô thị", UnitKind.DEPARTMENT);
        people("VP.DT", "TP", "Phan Thanh Bình");
        people("VP.DT", "PTP", "Nguyễn Văn Toản");
        people("VP.DT", "CV", "Vũ Thị Hạnh", "Trần Đức Mạnh", "Hoàng Văn Quý", "Đỗ Thị Kim Liên",
                "Nguyễn Tiến Dũng");

        unit(OFFICE, "VP.VX", "Phòng Văn hóa - Xã hội", UnitKind.DEPARTMENT);
        people("VP.VX", "TP", "Lê Thị Bích Ngọc");
        people("VP.VX", "PTP", "Mạc Đình Hưng");
        people("VP.VX", "CV", "Phạm Thu Hoài", "Nguyễn Văn Lực", "Đoàn Thị Tuyết", "Vũ Minh Châu");

        unit(OFFICE, "VP.KSTT", "Phòng Kiểm soát thủ tục hành chính", UnitKind.DEPARTMENT);
        people("VP.KSTT", "TP", "Trần Quốc Bảo");
        people("VP.KSTT", "PTP", "Hoàng Thị Thanh Xuân");
        people("VP.KSTT", "CV", "Lê Minh Tuấn:chuyenvien", "Nguyễn Thị Quỳnh");

        unit(OFFICE, "VP.QTTV", "Phòng Quản trị - Tài vụ", UnitKind.DEPARTMENT);
        people("VP.QTTV", "TP", "Đặng Văn Lợi");
        people("VP.QTTV", "PTP", "Bùi Thị Hòa");
        people("VP.QTTV", "CV", "Ngô Văn Kiên");
        people("VP.QTTV", "NV", "Phạm Thị Nga", "Trần Văn Tâm");

        unit(OFFICE, "VP.BTCD", "Ban Tiếp công dân thành phố", UnitKind.BOARD);
        people("VP.BTCD", "TB", "Nguyễn Đức Thọ");
        people("VP.BTCD", "PTB", "Lê Thị Minh Hoa");
        people("VP.BTCD", "CV", "Vũ Văn Chiến", "Đinh Thị Hương Giang");

        // The desk's telephone is printed on Form 02 for the applicant to call (a made-up Hải Phòng landline).
        organization.createUnit(OFFICE, "VP.MC", "Bộ phận Một cửa", UnitKind.ONE_STOP_DESK, "0225 3842 100");
        people("VP.MC", "CV", "Trần Thị Thu Hà:tiepnhan", "Nguyễn Minh Phúc", "Hoàng Thị Lệ");

        // The city's departments (after the 2025 reorganisation) that appraise and decide the procedures
        // the one-stop desk receives. Only their units are in the demo, not their staff.
        department("000.00.05.H27", "Sở Tư pháp thành phố Hải Phòng", "STP",
                "STP.HCTP", "Phòng Hành chính tư pháp");
        department("000.00.06.H27", "Sở Tài chính thành phố Hải Phòng", "STC",
                "STC.DKKD", "Phòng Đăng ký kinh doanh", "STC.DT", "Phòng Quản lý đầu tư");
        department("000.00.07.H27", "Sở Xây dựng thành phố Hải Phòng", "SXD",
                "SXD.QLXD", "Phòng Quản lý hoạt động xây dựng",
                "SXD.QLVT", "Phòng Quản lý vận tải, phương tiện và người lái");
        department("000.00.08.H27", "Sở Nông nghiệp và Môi trường thành phố Hải Phòng", "SNNMT",
                "SNNMT.DD", "Phòng Quản lý đất đai", "SNNMT.MT", "Phòng Môi trường");
        department("000.00.09.H27", "Sở Nội vụ thành phố Hải Phòng", "SNV",
                "SNV.LDVL", "Phòng Lao động - Việc làm");
        department("000.00.10.H27", "Sở Giáo dục và Đào tạo thành phố Hải Phòng", "SGD",
                "SGD.QLCL", "Phòng Quản lý chất lượng");
        department("000.00.11.H27", "Sở Y tế thành phố Hải Phòng", "SYT",
                "SYT.NVY", "Phòng Nghiệp vụ Y");
        department("000.00.12.H27", "Sở Công Thương thành phố Hải Phòng", "SCT",
                "SCT.QLTM", "Phòng Quản lý thương mại");
    }

    /** A department of the city with its directors' board ({@code <prefix>.LD}) and specialist units. */
    private void department(String code, String name, String prefix, String... units) {
        organization.registerAgency(code, name, null, AgencyKind.DEPARTMENT, CITY, null, 0);
        unit(code, prefix + ".LD", "Ban Giám đốc Sở", UnitKind.LEADERSHIP);
        for (int i = 0; i < units.length; i += 2) {
            unit(code, units[i], units[i + 1], UnitKind.DEPARTMENT);
        }
    }

    private void positions() {
        List<Object[]> rows = List.of(
                new Object[] {"CT", "Chủ tịch UBND thành phố", true, 1},
                new Object[] {"PCT", "Phó Chủ tịch UBND thành phố", true, 2},
                new Object[] {"CVP", "Chánh Văn phòng", true, 3},
                new Object[] {"PCVP", "Phó Chánh Văn phòng", true, 4},
                new Object[] {"TP", "Trưởng phòng", true, 5},
                new Object[] {"TB", "Trưởng ban", true, 5},
                new Object[] {"PTP", "Phó Trưởng phòng", true, 6},
                new Object[] {"PTB", "Phó Trưởng ban", true, 6},
                new Object[] {"CVC", "Chuyên viên chính", false, 7},
                new Object[] {"CV", "Chuyên viên", false, 8},
                new Object[] {"VT", "Văn thư", false, 9},
                new Object[] {"NV", "Nhân viên", false, 10});
        for (Object[] row : rows) {
            organization.definePosition((String) row[0], (String) row[1], (Boolean) row[2], (Integer) row[3]);
        }
    }

    /** Units are listed in the order they are created. */
    private void unit(String agency, String code, String name, UnitKind kind) {
        organization.createUnit(agency, code, name, kind, null);
    }

    /** Names, each optionally followed by {@code :username} of the demo account it belongs to. */
    private void people(String unitCode, String position, String... names) {
        for (String entry : names) {
            String[] parts = entry.split(":");
            String username = parts.length > 1 ? parts[1] : null;
            organization.appoint(new StaffForm(parts[0], unitCode, position,
                    username == null ? null : username + "@haiphong.gov.vn", null, username, true, null));
        }
    }
}
