package vn.motcua.organization;

import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.motcua.organization.OrganizationViews.AgencyView;
import vn.motcua.organization.OrganizationViews.PositionView;
import vn.motcua.organization.OrganizationViews.StaffForm;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.organization.OrganizationViews.UnitSummary;
import vn.motcua.organization.OrganizationViews.UnitView;
import vn.motcua.shared.AdministrativeChange;
import vn.motcua.shared.ProblemException;
import vn.motcua.shared.VietnameseText;

/** The organization module's public API: agencies, units, positions and staff. */
@Service
@Transactional(readOnly = true)
public class Organization {

    private final Agencies agencies;
    private final Units units;
    private final StaffMembers staff;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Organization(Agencies agencies, Units units, StaffMembers staff, JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.agencies = agencies;
        this.units = units;
        this.staff = staff;
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<UnitView> unit(String code) {
        return code == null ? Optional.empty() : units.findById(code).map(Organization::view);
    }

    /** Several units in one query, by code (unknown codes are left out). */
    public java.util.Map<String, UnitView> units(java.util.Collection<String> codes) {
        java.util.Map<String, UnitView> found = new java.util.HashMap<>();
        units.findAllById(codes).forEach(unit -> found.put(unit.code(), view(unit)));
        return found;
    }

    public List<UnitView> units(String agencyCode) {
        return units.findByAgencyCodeOrderBySortOrder(agencyCode).stream().map(Organization::view).toList();
    }

    /** Every agency with its units and its staffing: quota against active staff records. */
    public List<AgencyView> agencies() {
        var filled = jdbc.sql("""
                select u.agency_code, count(*) as filled
                from staff s join org_unit u on u.code = s.unit_code
                where s.active group by u.agency_code""")
                .query((rs, n) -> java.util.Map.entry(rs.getString(1), rs.getLong(2)))
                .list().stream().collect(java.util.stream.Collectors.toMap(e -> e.getKey(), e -> e.getValue()));
        return agencies.findAll().stream()
                .sorted(java.util.Comparator.comparing(Agency::code))
                .map(a -> new AgencyView(a.code(), a.name(), a.staffingQuota(), filled.getOrDefault(a.code(), 0L),
                        units.findByAgencyCodeOrderBySortOrder(a.code()).stream()
                                .filter(Unit::active)
                                .map(u -> new UnitSummary(u.code(), u.name(), u.kind())).toList(),
                        a.shortName(), a.parentCode()))
                .toList();
    }

    /** An agency's name by its electronic ID, without its units and staffing (one row). */
    public Optional<String> agencyName(String code) {
        return code == null ? Optional.empty() : agencies.findById(code).map(Agency::name);
    }

    public List<PositionView> positions() {
        return jdbc.sql("select code, name, leadership from staff_position order by rank, name")
                .query((rs, n) -> new PositionView(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }

    /** Staff, optionally of one unit, matching every word of {@code query} regardless of diacritics. */
    public Page<StaffView> staff(String unitCode, String query, boolean activeOnly, Pageable page) {
        String folded = VietnameseText.fold(query);
        StringBuilder where = new StringBuilder(" where 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (unitCode != null && !unitCode.isBlank()) {
            where.append(" and s.unit_code = :unit");
            params.put("unit", unitCode);
        }
        if (activeOnly) {
            where.append(" and s.active");
        }
        String[] words = folded.isEmpty() ? new String[0] : folded.split(" ");
        for (int i = 0; i < words.length && i < 10; i++) {
            // Every word must start a word of the name: "ha" finds "Hà" and "Thu Hà", not "Nhà".
            where.append(" and (s.search_name like :w").append(i).append(" or s.search_name like :x").append(i)
                    .append(")");
            String word = words[i].replace("\\", "").replace("%", "").replace("_", "");
            params.put("w" + i, word + "%");
            params.put("x" + i, "% " + word + "%");
        }
        long total = jdbc.sql("select count(*) from staff s" + where).params(params).query(Long.class).single();
        params.put("limit", page.getPageSize());
        params.put("offset", page.getOffset());
        List<StaffView> items = selectStaff(where + " order by u.sort_order, p.rank, s.search_name, s.id"
                + " limit :limit offset :offset", params);
        return new PageImpl<>(items, page, total);
    }

    /** The e-mail addresses of a unit's active staff, for notices to the unit (reminders, overdue warnings). */
    public List<String> staffEmails(String unitCode) {
        return jdbc.sql("""
                select distinct email from staff where unit_code = ? and active and email is not null and email <> ''
                order by email""").param(unitCode).query(String.class).list();
    }

    /** Active staff holding one of the positions (e.g. the People's Committee's Chairman and Vice-Chairmen). */
    public List<StaffView> staffInPositions(java.util.Collection<String> positionCodes) {
        return selectStaff(" where s.active and s.position_code in (:positions) order by p.rank, s.search_name, s.id",
                java.util.Map.of("positions", positionCodes));
    }

    public Optional<StaffView> staffMember(long id) {
        return selectStaff(" where s.id = :id", java.util.Map.of("id", id)).stream().findFirst();
    }

    private List<StaffView> selectStaff(String whereAndOrder, java.util.Map<String, Object> params) {
        return jdbc.sql("""
                select s.id, s.full_name, s.unit_code, u.name as unit_name, s.position_code, p.name as position_name,
                       s.email, s.phone, s.account_username, s.active, s.version
                from staff s join org_unit u on u.code = s.unit_code
                             join staff_position p on p.code = s.position_code""" + whereAndOrder)
                .params(params)
                .query((rs, n) -> new StaffView(rs.getLong("id"), rs.getString("full_name"), rs.getString("unit_code"),
                        rs.getString("unit_name"), rs.getString("position_code"), rs.getString("position_name"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("account_username"),
                        rs.getBoolean("active"), rs.getInt("version")))
                .list();
    }

    /**
     * Registers an agency under its electronic ID (Decision 20/2020/QĐ-TTg), below its parent agency if it has
     * one, with its staffing quota.
     */
    @Transactional
    public void registerAgency(String code, String name, String shortName, AgencyKind kind, String parentCode,
            String address, int staffingQuota) {
        if (name == null || name.isBlank()) {
            throw ProblemException.invalid("name", "validation.required");
        }
        if (code != null && agencies.existsById(code)) {
            throw ProblemException.conflict("organization.agency.duplicate", code);
        }
        if (parentCode != null && !agencies.existsById(parentCode)) {
            throw ProblemException.invalid("parentCode", "organization.agency.not-found", parentCode);
        }
        Agency agency = agencies.save(Agency.register(code, VietnameseText.normalize(name),
                blankToNull(shortName), kind, parentCode, blankToNull(address), staffingQuota));
        events.publishEvent(new AdministrativeChange("AGENCY_REGISTERED", "agency/" + code, agency.name()));
    }

    /**
     * Adds a position staff can hold; {@code rank} orders staff lists (1 first), {@code leadership} marks those
     * who lead a unit.
     */
    @Transactional
    public void definePosition(String code, String name, boolean leadership, int rank) {
        if (code == null || code.isBlank() || code.strip().length() > 50) {
            throw ProblemException.invalid("code", "validation.required");
        }
        if (name == null || name.isBlank() || name.strip().length() > 150) {
            throw ProblemException.invalid("name", "validation.required");
        }
        if (positions().stream().anyMatch(p -> p.code().equals(code.strip()))) {
            throw ProblemException.conflict("organization.position.duplicate", code);
        }
        jdbc.sql("insert into staff_position (code, name, leadership, rank) values (?, ?, ?, ?)")
                .params(code.strip(), VietnameseText.normalize(name), leadership, rank).update();
        events.publishEvent(new AdministrativeChange("POSITION_DEFINED", "position/" + code.strip(), name.strip()));
    }

    @Transactional
    public StaffView appoint(StaffForm form) {
        checkStaffForm(form);
        Staff saved = staff.save(Staff.appoint(VietnameseText.normalize(form.fullName()), form.unitCode(),
                form.positionCode(), blankToNull(form.email()), blankToNull(form.phone()),
                blankToNull(form.accountUsername())));
        events.publishEvent(new AdministrativeChange("STAFF_APPOINTED", "staff/" + saved.id(),
                saved.fullName() + " → " + saved.unitCode()));
        return staffMember(saved.id()).orElseThrow();
    }

    @Transactional
    public StaffView changeStaff(long id, StaffForm form) {
        checkStaffForm(form);
        Staff member = staff.findById(id)
                .orElseThrow(() -> ProblemException.notFound("organization.staff.not-found", id));
        member.update(VietnameseText.normalize(form.fullName()), form.unitCode(), form.positionCode(),
                blankToNull(form.email()), blankToNull(form.phone()), blankToNull(form.accountUsername()),
                form.active(), form.version());
        staff.save(member);
        events.publishEvent(new AdministrativeChange("STAFF_CHANGED", "staff/" + id,
                member.fullName() + " · " + member.unitCode() + " · " + member.positionCode()
                        + (member.active() ? "" : " · inactive")));
        return staffMember(id).orElseThrow();
    }

    @Transactional
    public UnitView createUnit(String agencyCode, String code, String name, UnitKind kind, String phone) {
        if (!agencies.existsById(agencyCode)) {
            throw ProblemException.notFound("organization.agency.not-found", agencyCode);
        }
        if (units.existsById(code)) {
            throw ProblemException.conflict("organization.unit.duplicate", code);
        }
        int order = units.findByAgencyCodeOrderBySortOrder(agencyCode).stream()
                .mapToInt(Unit::sortOrder).max().orElse(0) + 10;
        Unit unit = units.save(Unit.create(code, agencyCode, VietnameseText.normalize(name), kind, order, phone));
        events.publishEvent(new AdministrativeChange("UNIT_CREATED", "unit/" + code, unit.name()));
        return view(unit);
    }

    @Transactional
    public UnitView changeUnit(String code, String name, UnitKind kind, String phone, boolean active,
            Integer expectedVersion) {
        Unit unit = units.findById(code).orElseThrow(() -> ProblemException.notFound("organization.unit.not-found", code));
        if (expectedVersion != null && !expectedVersion.equals(unit.version())) {
            throw new org.springframework.dao.OptimisticLockingFailureException("unit " + code);
        }
        unit.change(VietnameseText.normalize(name), kind, unit.sortOrder(), active, phone);
        units.save(unit);
        events.publishEvent(new AdministrativeChange("UNIT_CHANGED", "unit/" + code,
                unit.name() + " · " + kind + (active ? "" : " · inactive")));
        return view(unit);
    }

    private void checkStaffForm(StaffForm form) {
        if (form.fullName() == null || form.fullName().isBlank()) {
            throw ProblemException.invalid("fullName", "validation.required");
        }
        if (form.fullName().strip().length() > 100) {
            throw ProblemException.invalid("fullName", "organization.staff.name-too-long");
        }
        if (unit(form.unitCode()).isEmpty()) {
            throw ProblemException.invalid("unitCode", "organization.unit.not-found", form.unitCode());
        }
        if (positions().stream().noneMatch(p -> p.code().equals(form.positionCode()))) {
            throw ProblemException.invalid("positionCode", "organization.position.not-found", form.positionCode());
        }
        if (form.email() != null && !form.email().isBlank()
                && !form.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw ProblemException.invalid("email", "organization.staff.email-invalid");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static UnitView view(Unit u) {
        return new UnitView(u.code(), u.agencyCode(), u.name(), u.kind(), u.sortOrder(), u.active(), u.version(),
                u.phone());
    }
}
