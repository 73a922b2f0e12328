package vn.motcua.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.motcua.shared.PhoneNumber;
import vn.motcua.shared.ProblemException;

/**
 * A unit (phòng, ban, bộ phận) of an agency. Its own aggregate, referenced by code from staff,
 * accounts and (later) procedure steps, tasks and dossiers; units are deactivated, never deleted, so that
 * history keeps pointing at them.
 */
@Table("org_unit")
class Unit {

    @Id
    private final String code;
    private final String agencyCode;
    private String name;
    private UnitKind kind;
    private int sortOrder;
    private boolean active;
    /** The number the public calls (Form 02 of Circular 03/2025/TT-VPCP gives the desk's); as typed, or null. */
    private String phone;
    @Version
    private Integer version;

    @PersistenceCreator
    Unit(String code, String agencyCode, String name, UnitKind kind, int sortOrder, boolean active, String phone,
            Integer version) {
        this.code = code;
        this.agencyCode = agencyCode;
        this.name = name;
        this.kind = kind;
        this.sortOrder = sortOrder;
        this.active = active;
        this.phone = phone;
        this.version = version;
    }

    static Unit create(String code, String agencyCode, String name, UnitKind kind, int sortOrder, String phone) {
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9._-]{0,49}")) {
            throw ProblemException.invalid("code", "organization.unit.code-invalid");
        }
        return new Unit(code, agencyCode, name.strip(), kind, sortOrder, true, checkedPhone(phone), null);
    }

    void change(String newName, UnitKind newKind, int newSortOrder, boolean nowActive, String newPhone) {
        this.name = newName.strip();
        this.kind = newKind;
        this.sortOrder = newSortOrder;
        this.active = nowActive;
        this.phone = checkedPhone(newPhone);
    }

    /** A Vietnamese number (mobile or landline) kept as typed, so that it prints grouped; blank = none. */
    private static String checkedPhone(String phone) {
        if (phone == null || phone.isBlank()) {
            return null;
        }
        if (PhoneNumber.normalize(phone) == null) {
            throw ProblemException.invalid("phone", "organization.unit.phone-invalid");
        }
        return phone.strip();
    }

    String code() {
        return code;
    }

    String agencyCode() {
        return agencyCode;
    }

    String name() {
        return name;
    }

    UnitKind kind() {
        return kind;
    }

    int sortOrder() {
        return sortOrder;
    }

    boolean active() {
        return active;
    }

    String phone() {
        return phone;
    }

    Integer version() {
        return version;
    }
}
