package vn.motcua.identity;

import java.time.Clock;
import java.util.EnumSet;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import vn.motcua.platform.DemoDataRequested;

/** The demo accounts of the README (six in the Office, two in the Department of Construction), each in a sensible unit of the Office; password Demo@12345. */
@Component
class IdentityDemoData {

    static final String PASSWORD = "Demo@12345";

    private final Accounts accounts;
    private final PasswordEncoder encoder;
    private final Clock clock;

    IdentityDemoData(Accounts accounts, PasswordEncoder encoder, Clock clock) {
        this.accounts = accounts;
        this.encoder = encoder;
        this.clock = clock;
    }

    @EventListener
    @Order(20)
    void load(DemoDataRequested request) {
        if (accounts.count() > 0) {
            return;
        }
        String hash = encoder.encode(PASSWORD);
        open("admin", "Phạm Đức Anh", "VP.HCTC", hash, Role.ADMIN);
        open("tiepnhan", "Trần Thị Thu Hà", "VP.MC", hash, Role.RECEPTION);
        open("chuyenvien", "Lê Minh Tuấn", "VP.KSTT", hash, Role.SPECIALIST);
        open("lanhdao", "Nguyễn Văn Hải", "VP.LD", hash, Role.LEADER);
        open("vanthu", "Đỗ Thị Lan", "VP.HCTC", hash, Role.CLERK);
        open("giamsat", "Vũ Thanh Hương", "VP.TH", hash, Role.MONITOR);
        open("chuyenvien.sxd", "Hoàng Văn Nam", "SXD.QLXD", hash, Role.SPECIALIST);
        open("lanhdao.sxd", "Bùi Thị Mai", "SXD.LD", hash, Role.LEADER);
    }

    private void open(String username, String fullName, String unit, String hash, Role role) {
        accounts.save(Account.open(username, fullName, hash, unit, EnumSet.of(role), clock.instant()));
    }
}
