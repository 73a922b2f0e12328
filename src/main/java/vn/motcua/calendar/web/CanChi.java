package vn.motcua.calendar.web;

/** The sexagenary name of a lunar year (e.g. 2026 = Bính Ngọ), as printed on Vietnamese calendars. */
final class CanChi {

    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu",
            "Tuất", "Hợi"};

    private CanChi() {}

    static String ofYear(int lunarYear) {
        return STEMS[Math.floorMod(lunarYear + 6, 10)] + " " + BRANCHES[Math.floorMod(lunarYear + 8, 12)];
    }
}
