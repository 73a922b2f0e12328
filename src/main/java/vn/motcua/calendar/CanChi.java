package vn.motcua.calendar;

/**
 * The sexagenary name of a lunar year (e.g. 2026 = Bính Ngọ), as printed on Vietnamese calendars. Public
 * because every screen that shows a lunar date (the calendar page, the home page) names the year this way.
 */
public final class CanChi {

    private static final String[] STEMS = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] BRANCHES = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu",
            "Tuất", "Hợi"};

    private CanChi() {}

    public static String ofYear(int lunarYear) {
        return STEMS[Math.floorMod(lunarYear + 6, 10)] + " " + BRANCHES[Math.floorMod(lunarYear + 8, 12)];
    }
}
