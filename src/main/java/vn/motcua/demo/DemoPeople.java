package vn.motcua.demo;

import java.util.Random;
import vn.motcua.shared.VietnameseText;

/**
 * Invented but plausible applicants of the Hải Phòng desk: Vietnamese names in the usual frequencies of
 * family names, 12-digit citizen IDs (mostly Hải Phòng, province code 031), mobile numbers and addresses
 * in the city's wards, and a few companies. Deterministic for a given {@link Random}.
 */
final class DemoPeople {

    private DemoPeople() {}

    /** An applicant (or representative) as the intake form carries it. */
    record Person(String fullName, String citizenId, String phone, String email, String address,
            String organization) {}

    // Family names with rough shares in per mille (Nguyễn ~38 %, Trần ~11 %, Lê ~9.5 % ...).
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
        "Ngô", "Hồ", "Dương", "Lý", "Đinh", "Lương", "Mạc", "Phan", "Đoàn", "Cao", "Trịnh", "Hà", "Tô"};
    private static final int[] FAMILY_WEIGHT = {380, 110, 95, 70, 50, 45, 22, 22, 18, 15, 14, 12, 6, 14, 8, 10, 40, 12,
        10, 12, 8, 7};
    private static final String[] MALE_MIDDLE = {"Văn", "Đức", "Minh", "Quang", "Hữu", "Xuân", "Thanh", "Ngọc", "Công",
        "Mạnh", "Tiến", "Trọng", "Duy", "Hoàng"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Phương",
        "Hồng", "Thúy", "Kim", "Bích", "Hải", "Diệu"};
    private static final String[] MALE_GIVEN = {"Hùng", "Dũng", "Tuấn", "Nam", "Hải", "Long", "Minh", "Thắng", "Cường",
        "Quân", "Đạt", "Hiếu", "Huy", "Khánh", "Phong", "Sơn", "Trung", "Việt", "Vinh", "Toàn", "Tùng", "Bình", "Hưng",
        "Kiên", "Lâm", "Đông", "Thành", "Phúc", "Quý", "Tú", "Hoàng Anh", "Đức Anh", "Bảo"};
    private static final String[] FEMALE_GIVEN = {"Hà", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung", "Oanh",
        "Phương", "Quỳnh", "Thảo", "Trang", "Vân", "Yến", "Hằng", "Huyền", "Dung", "Giang", "Hạnh", "Loan", "Nga",
        "Thủy", "Tâm", "Hoa", "Anh", "Thu Hà", "Ánh", "Duyên", "Liên", "Chi"};

    /** Wards of Hải Phòng (after the 2025 reorganisation) with streets that run through them. */
    private static final String[][] WARDS = {
        {"Lê Chân", "Tô Hiệu", "Hai Bà Trưng", "Nguyễn Văn Linh", "Hàng Kênh", "Trần Nguyên Hãn"},
        {"Ngô Quyền", "Lạch Tray", "Văn Cao", "Lê Lợi", "Đà Nẵng", "Lương Khánh Thiện"},
        {"Hồng Bàng", "Hoàng Văn Thụ", "Điện Biên Phủ", "Tam Bạc", "Hùng Vương", "Quang Trung"},
        {"Kiến An", "Trần Thành Ngọ", "Trần Nhân Tông", "Phan Đăng Lưu", "Lê Duẩn"},
        {"Hải An", "Lê Hồng Phong", "Ngô Gia Tự", "Cát Bi", "Đằng Hải"},
        {"Dương Kinh", "Phạm Văn Đồng", "Mạc Đăng Doanh", "Tân Thành"},
        {"Đồ Sơn", "Lý Thánh Tông", "Nguyễn Hữu Cầu", "Vạn Hương"},
        {"An Biên", "Trần Phú", "Cầu Đất", "Lê Thánh Tông"},
        {"Gia Viên", "Nguyễn Đức Cảnh", "Lê Lai", "Chùa Vẽ"},
        {"Đông Hải", "Đình Vũ", "Trung Lực", "Bùi Thị Từ Nhiên"},
        {"An Dương", "Tôn Đức Thắng", "Nguyễn Trãi", "An Đồng"},
        {"Thủy Nguyên", "Đà Nẵng", "Bạch Đằng", "Núi Đèo"}};
    private static final String[] COMPANY_KIND = {"Công ty TNHH", "Công ty cổ phần", "Công ty TNHH MTV",
        "Hợp tác xã"};
    private static final String[] COMPANY_TRADE = {"Thương mại", "Xây dựng", "Vận tải", "Dịch vụ", "Đầu tư",
        "Logistics", "Thủy sản", "Cơ khí", "Du lịch", "Giáo dục"};
    private static final String[] COMPANY_NAME = {"Hải Âu", "Bạch Đằng", "Cảng Xanh", "Đồ Sơn", "Cát Hải",
        "Tràng Kênh", "Hoa Phượng", "Lạch Tray", "Minh Phát", "Thành Đạt", "An Phú", "Hưng Thịnh", "Duyên Hải",
        "Đông Bắc", "Sao Biển", "Phương Đông"};
    /** Other provinces of birth (pre-2025 codes): Hà Nội, Hải Dương, Thái Bình, Quảng Ninh, Nam Định, Thanh Hóa. */
    private static final String[] OTHER_PROVINCES = {"001", "030", "034", "022", "036", "038"};
    private static final String[] MOBILE_PREFIXES = {"090", "091", "093", "094", "096", "097", "098", "086", "088",
        "089", "032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "079", "081", "082", "083",
        "084", "085", "056", "058"};

    static Person person(Random r, int year, boolean organization) {
        boolean male = r.nextBoolean();
        String family = pick(r, FAMILY, FAMILY_WEIGHT);
        String middle = (male ? MALE_MIDDLE : FEMALE_MIDDLE)[r.nextInt((male ? MALE_MIDDLE : FEMALE_MIDDLE).length)];
        String given = (male ? MALE_GIVEN : FEMALE_GIVEN)[r.nextInt((male ? MALE_GIVEN : FEMALE_GIVEN).length)];
        String name = family + " " + middle + " " + given;
        int born = year - 18 - r.nextInt(55);
        String province = r.nextInt(100) < 78 ? "031" : OTHER_PROVINCES[r.nextInt(OTHER_PROVINCES.length)];
        int century = born >= 2000 ? 2 : 0;
        String citizenId = province + (century + (male ? 0 : 1)) + String.format("%02d", born % 100)
                + String.format("%06d", r.nextInt(1_000_000));
        String phone = MOBILE_PREFIXES[r.nextInt(MOBILE_PREFIXES.length)] + String.format("%07d", r.nextInt(10_000_000));
        String email = r.nextInt(100) < 35
                ? VietnameseText.fold(given + family).replace(" ", "") + (born % 100) + (r.nextBoolean() ? "@gmail.com" : "@yahoo.com")
                : null;
        String[] ward = WARDS[r.nextInt(WARDS.length)];
        String street = ward[1 + r.nextInt(ward.length - 1)];
        String address = r.nextInt(3) == 0
                ? "Số " + (1 + r.nextInt(40)) + " ngõ " + (1 + r.nextInt(300)) + " " + street + ", phường " + ward[0]
                        + ", thành phố Hải Phòng"
                : "Số " + (1 + r.nextInt(400)) + " " + street + ", phường " + ward[0] + ", thành phố Hải Phòng";
        String company = organization
                ? COMPANY_KIND[r.nextInt(COMPANY_KIND.length)] + " " + COMPANY_TRADE[r.nextInt(COMPANY_TRADE.length)] + " "
                        + COMPANY_NAME[r.nextInt(COMPANY_NAME.length)]
                : null;
        return new Person(name, citizenId, phone, email, address, company);
    }

    private static String pick(Random r, String[] values, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int x = r.nextInt(total);
        for (int i = 0; i < values.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return values[i];
            }
        }
        return values[0];
    }
}
