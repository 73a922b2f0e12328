package vn.motcua.organization;

import java.util.regex.Pattern;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.motcua.shared.ProblemException;

/**
 * An agency (cơ quan) identified by its electronic ID (mã định danh điện tử), with its staffing quota
 * (biên chế). Codes are data: they are reissued after mergers (Decision 20/2020/QĐ-TTg).
 */
@Table("agency")
class Agency {

    /** ≤ 35 characters of A–Z, 0–9 and dots, in dot-separated groups (Decision 20/2020/QĐ-TTg). */
    static final Pattern CODE = Pattern.compile("[A-Z0-9]+(\\.[A-Z0-9]+)*");

    @Id
    private final String code;
    private String name;
    private String shortName;
    private final AgencyKind kind;
    private String parentCode;
    private String address;
    private int staffingQuota;
    @Version
    private Integer version;

    @PersistenceCreator
    Agency(String code, String name, String shortName, AgencyKind kind, String parentCode, String address,
            int staffingQuota, Integer version) {
        this.code = code;
        this.name = name;
        this.shortName = shortName;
        this.kind = kind;
        this.parentCode = parentCode;
        this.address = address;
        this.staffingQuota = staffingQuota;
        this.version = version;
    }

    static Agency register(String code, String name, String shortName, AgencyKind kind, String parentCode,
            String address, int staffingQuota) {
        if (code == null || code.length() > 35 || !CODE.matcher(code).matches()) {
            throw ProblemException.invalid("code", "organization.agency.code-invalid");
        }
        Agency agency = new Agency(code, name, shortName, kind, parentCode, address, 0, null);
        agency.changeStaffingQuota(staffingQuota);
        return agency;
    }

    void changeStaffingQuota(int quota) {
        if (quota < 0) {
            throw ProblemException.invalid("staffingQuota", "organization.agency.quota-negative");
        }
        this.staffingQuota = quota;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    String shortName() {
        return shortName;
    }

    AgencyKind kind() {
        return kind;
    }

    String parentCode() {
        return parentCode;
    }

    String address() {
        return address;
    }

    int staffingQuota() {
        return staffingQuota;
    }
}
