package vn.motcua.organization;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;
import vn.motcua.shared.VietnameseText;

/**
 * A member of staff (cán bộ, công chức, viên chức) in post in a unit. Active records count against the
 * agency's staffing quota; people who leave are deactivated, not deleted.
 */
@Table("staff")
class Staff {

    @Id
    private Long id;
    private String fullName;
    private String unitCode;
    private String positionCode;
    private String email;
    private String phone;
    private String accountUsername;
    /** {@link #fullName} folded for diacritic-insensitive search. */
    private String searchName;
    private boolean active;
    @Version
    private Integer version;

    @PersistenceCreator
    Staff(Long id, String fullName, String unitCode, String positionCode, String email, String phone,
            String accountUsername, String searchName, boolean active, Integer version) {
        this.id = id;
        this.fullName = fullName;
        this.unitCode = unitCode;
        this.positionCode = positionCode;
        this.email = email;
        this.phone = phone;
        this.accountUsername = accountUsername;
        this.searchName = searchName;
        this.active = active;
        this.version = version;
    }

    static Staff appoint(String fullName, String unitCode, String positionCode, String email, String phone,
            String accountUsername) {
        return new Staff(null, fullName, unitCode, positionCode, email, phone, accountUsername,
                VietnameseText.fold(fullName), true, null);
    }

    void update(String newFullName, String newUnitCode, String newPositionCode, String newEmail, String newPhone,
            String newAccountUsername, boolean nowActive, Integer expectedVersion) {
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new org.springframework.dao.OptimisticLockingFailureException("staff " + id);
        }
        this.fullName = newFullName;
        this.searchName = VietnameseText.fold(newFullName);
        this.unitCode = newUnitCode;
        this.positionCode = newPositionCode;
        this.email = newEmail;
        this.phone = newPhone;
        this.accountUsername = newAccountUsername;
        this.active = nowActive;
    }

    Long id() {
        return id;
    }

    String fullName() {
        return fullName;
    }

    String unitCode() {
        return unitCode;
    }

    String positionCode() {
        return positionCode;
    }

    String email() {
        return email;
    }

    String phone() {
        return phone;
    }

    String accountUsername() {
        return accountUsername;
    }

    boolean active() {
        return active;
    }

    Integer version() {
        return version;
    }
}
