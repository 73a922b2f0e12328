package vn.motcua.demo;

import java.time.LocalDate;
import java.util.EnumSet;
import org.springframework.stereotype.Component;
import vn.motcua.identity.Citizens;
import vn.motcua.identity.Identity;
import vn.motcua.identity.Role;

/**
 * The demo accounts of the README (six in the Office, two in the Department of Construction), each in a sensible
 * unit, all with the password {@value #PASSWORD}; opened through {@link Identity#open} like an administrator's,
 * so the password passes the same policy. The Office's six belong to members of staff of the organisation demo.
 * One citizen, {@value #CITIZEN}, has a level-2 account on the portal with a full profile.
 */
@Component
class AccountsDemo {

    static final String PASSWORD = "Demo@12345";
    static final String CITIZEN = "congdan";

    private final Identity identity;
    private final Citizens citizens;

    AccountsDemo(Identity identity, Citizens citizens) {
        this.identity = identity;
        this.citizens = citizens;
    }

    /** Opens the accounts unless there are accounts already. */
    void load() {
        if (citizens.byLogin(CITIZEN).isEmpty()) {
            citizens.open(CITIZEN, new Citizens.Registration("Nguyễn Thị Minh Thư", "031190004217",
                    LocalDate.of(1990, 5, 14), "0912 468 135", "congdan@motcua.example",
                    "Số 12 Lạch Tray, phường Lê Chân, thành phố Hải Phòng", null, null), PASSWORD, 2);
        }
        if (!identity.accounts().isEmpty()) {
            return;
        }
        open("admin", "Phạm Đức Anh", "VP.HCTC", Role.ADMIN);
        open("tiepnhan", "Trần Thị Thu Hà", "VP.MC", Role.RECEPTION);
        open("chuyenvien", "Lê Minh Tuấn", "VP.KSTT", Role.SPECIALIST);
        open("lanhdao", "Nguyễn Văn Hải", "VP.LD", Role.LEADER);
        open("vanthu", "Đỗ Thị Lan", "VP.HCTC", Role.CLERK);
        open("giamsat", "Vũ Thanh Hương", "VP.TH", Role.MONITOR);
        open("chuyenvien.sxd", "Hoàng Văn Nam", "SXD.QLXD", Role.SPECIALIST);
        open("lanhdao.sxd", "Bùi Thị Mai", "SXD.LD", Role.LEADER);
    }

    private void open(String username, String fullName, String unit, Role role) {
        identity.open(username, fullName, PASSWORD, unit, EnumSet.of(role));
    }
}
