package vn.motcua.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
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
    @Version
    private Integer version;

    @PersistenceCreator
    Unit(String code, String agencyCode, String name, UnitKind kind, int sortOrder, boolean active,
            Integer version) {
        this.code = code;
        this.agencyCode = agencyCode;
        this.name = name;
        this.kind = kind;
        this.sortOrder = sortOrder;
        this.active = active;
        this.version = version;
    }

    static Unit create(String code, String agencyCode, String name, UnitKind kind, int sortOrder) {
        if (code == null || !code.matches("[A-Z0-9][A-Z0-9._-]{0,49}")) {
            throw ProblemException.invalid("code", "organization.unit.code-invalid");
        }
        return new Unit(code, agencyCode, name.strip(), kind, sortOrder, true, null);
    }

    void change(String newName, UnitKind newKind, int newSortOrder, boolean nowActive) {
        this.name = newName.strip();
        this.kind = newKind;
        this.sortOrder = newSortOrder;
        this.active = nowActive;
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

    Integer version() {
        return version;
    }
}
