package vn.motcua.organization;

/** Read models the organization module offers to other modules and to its pages. */
public final class OrganizationViews {

    private OrganizationViews() {}

    public record UnitView(String code, String agencyCode, String name, UnitKind kind, int sortOrder,
            boolean active, Integer version, String phone) {}

    public record UnitSummary(String code, String name, UnitKind kind) {}

    /**
     * An agency with its units; {@code shortName} and {@code parentCode} (its superior, if any) are what a
     * document it issues needs: the heading and the notation of its number.
     */
    public record AgencyView(String code, String name, int staffingQuota, long staffFilled,
            java.util.List<UnitSummary> units, String shortName, String parentCode) {

        /** Upper case letters, digits and dashes: a short name that is already a notation ("SXD", "UBND"). */
        private static final java.util.regex.Pattern NOTATION = java.util.regex.Pattern.compile("[A-ZĐ0-9]+(-[A-ZĐ0-9]+)*");

        /**
         * The name as written under the name of its superior (Decree 30/2020/NĐ-CP Annex I: "ỦY BAN NHÂN DÂN
         * THÀNH PHỐ HẢI PHÒNG" over "SỞ XÂY DỰNG"): without the words it shares at the end with the superior's
         * name, the locality the line above already gives. The whole name if nothing is left or nothing is shared.
         */
        public String nameUnder(AgencyView superior) {
            if (superior == null) {
                return name;
            }
            String[] own = name.strip().split("\\s+");
            String[] above = superior.name().strip().split("\\s+");
            int shared = 0;
            while (shared < own.length - 1 && shared < above.length
                    && own[own.length - 1 - shared].equalsIgnoreCase(above[above.length - 1 - shared])) {
                shared++;
            }
            // A single shared word is a coincidence, not a locality.
            return shared < 2 ? name : String.join(" ", java.util.Arrays.copyOf(own, own.length - shared));
        }

        /**
         * The abbreviation in the notation of its documents' numbers (Decree 30/2020/NĐ-CP Annex II: "45/SXD-VP"):
         * its short name when that is written as a notation, else the initials of its name under its superior
         * ("Sở Nông nghiệp và Môi trường" → "SNNMT"; "và" gives no letter, "Đ" keeps its stroke).
         */
        public String notation(AgencyView superior) {
            if (shortName != null && NOTATION.matcher(shortName).matches()) {
                return shortName;
            }
            StringBuilder initials = new StringBuilder();
            for (String word : nameUnder(superior).strip().split("[\\s,-]+")) {
                if (word.isEmpty() || word.equalsIgnoreCase("và")) {
                    continue;
                }
                char first = word.charAt(0);
                initials.append(first == 'đ' || first == 'Đ' ? "Đ"
                        : vn.motcua.shared.VietnameseText.fold(String.valueOf(first)).toUpperCase(java.util.Locale.ROOT));
            }
            return initials.toString();
        }
    }

    public record PositionView(String code, String name, boolean leadership) {}

    public record StaffView(Long id, String fullName, String unitCode, String unitName, String positionCode,
            String positionName, String email, String phone, String accountUsername, boolean active,
            Integer version) {}

    /** What an administrator sends to appoint or change a member of staff. */
    public record StaffForm(String fullName, String unitCode, String positionCode, String email, String phone,
            String accountUsername, boolean active, Integer version) {}
}
