package vn.motcua.organization;

/** Read models the organization module offers to other modules and to its pages. */
public final class OrganizationViews {

    private OrganizationViews() {}

    public record UnitView(String code, String agencyCode, String name, UnitKind kind, int sortOrder,
            boolean active, Integer version, String phone) {}

    public record UnitSummary(String code, String name, UnitKind kind) {}

    public record AgencyView(String code, String name, int staffingQuota, long staffFilled,
            java.util.List<UnitSummary> units) {}

    public record PositionView(String code, String name, boolean leadership) {}

    public record StaffView(Long id, String fullName, String unitCode, String unitName, String positionCode,
            String positionName, String email, String phone, String accountUsername, boolean active,
            Integer version) {}

    /** What an administrator sends to appoint or change a member of staff. */
    public record StaffForm(String fullName, String unitCode, String positionCode, String email, String phone,
            String accountUsername, boolean active, Integer version) {}
}
