package vn.motcua.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import org.springframework.data.domain.PageRequest;
import vn.motcua.organization.Organization;
import vn.motcua.organization.OrganizationViews.StaffView;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/**
 * The organization pages over plain HTTP. Records made here go to the City People's Committee's unit
 * UB.TT (or units of their own) so that the Office's staffing of 70/75 stays as other tests expect.
 */
@IntegrationTest
class OrganizationPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Organization organization;

    @Test
    void everyoneSeesTheDemoAgenciesWithTheirStaffingAndUnits() {
        String page = WebSession.signIn(port, "chuyenvien").get("/organization").body();

        assertThat(page).contains("Văn phòng Ủy ban nhân dân thành phố Hải Phòng");
        assertThat(page).containsPattern("\\d+/75 biên chế");
        assertThat(page).contains("Phòng Kiểm soát thủ tục hành chính").contains("Phòng chuyên môn");
        assertThat(page).contains("href=\"/organization/staff?unit=VP.MC\"");
        assertThat(page).doesNotContain("/organization/units/new");
    }

    @Test
    void theStaffSearchAmongTheDemoStaffIgnoresDiacritics() {
        String page = WebSession.signIn(port, "giamsat").get("/organization/staff?q=nguyen+van").body();

        assertThat(page).contains("Nguyễn Văn Hải").contains("Nguyễn Văn Tùng");
        assertThat(page).doesNotContain("Trần Thị Thu Hà");
    }

    @Test
    void theStaffListShowsTheDemoStaffTwentyAPage() {
        WebSession session = WebSession.signIn(port, "giamsat");

        String first = session.get("/organization/staff").body();
        String second = session.get("/organization/staff?page=2").body();

        assertThat(Pattern.compile("data-staff-id=").matcher(first).results().count()).isEqualTo(20);
        assertThat(first).contains("Hiển thị 1–20 trong tổng số");
        assertThat(second).contains("Hiển thị 21–40 trong tổng số");
        assertThat(second).contains("aria-current=\"page\">2<");
    }

    @Test
    void onlyAdministratorsMayOpenTheForms() {
        WebSession leader = WebSession.signIn(port, "lanhdao");

        assertThat(leader.get("/organization/staff/new").status()).isEqualTo(403);
        assertThat(leader.get("/organization/staff/1").status()).isEqualTo(403);
        assertThat(leader.get("/organization/units/new").status()).isEqualTo(403);
        assertThat(leader.post("/organization/staff/new", staff("Trộm Thử", null)).status()).isEqualTo(403);
        assertThat(leader.post("/organization/units/VP.MC",
                Map.of("name", "Đổi tên", "kind", "DEPARTMENT", "active", "true")).status()).isEqualTo(403);
    }

    @Test
    void anAdministratorAppointsAMemberOfStaffAndAStaleEditIsRefused() {
        WebSession admin = WebSession.signIn(port, "admin");

        Api.Response appointed = admin.post("/organization/staff/new", staff("Trịnh Thị Thử Nghiệm", null));
        assertThat(appointed.status()).isEqualTo(302);
        StaffView created = organization.staff("UB.TT", "trinh thi thu nghiem", false, PageRequest.of(0, 5))
                .getContent().get(0);
        String form = admin.get("/organization/staff/" + created.id()).body();
        int version = Integer.parseInt(value(form, "version"));
        assertThat(value(form, "fullName")).isEqualTo("Trịnh Thị Thử Nghiệm");

        Map<String, String> change = staff("Trịnh Thị Thử Nghiệm", "0912 345 678");
        change.put("version", String.valueOf(version));
        Api.Response changed = admin.post("/organization/staff/" + created.id(), change);
        Map<String, String> stale = staff("Trịnh Thị Người Khác", null);
        stale.put("version", String.valueOf(version));
        Api.Response refused = admin.post("/organization/staff/" + created.id(), stale);

        assertThat(changed.status()).isEqualTo(302);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("Dữ liệu đã được người khác thay đổi trong lúc bạn thao tác.");
        StaffView now = organization.staffMember(created.id()).orElseThrow();
        assertThat(now.fullName()).isEqualTo("Trịnh Thị Thử Nghiệm");
        assertThat(now.phone()).isEqualTo("0912 345 678");
    }

    @Test
    void theStaffFormShowsItsErrorsNextToTheFields() {
        WebSession admin = WebSession.signIn(port, "admin");
        Map<String, String> form = staff(" ", null);
        form.put("email", "khong-phai-email");
        form.put("accountUsername", "Tên Có Dấu");

        String page = admin.post("/organization/staff/new", form).body();

        assertThat(page).contains("id=\"staff-name-error\">Trường này là bắt buộc.</div>");
        assertThat(page).contains("id=\"staff-account-error\">Tên đăng nhập gồm 3–50 ký tự");
    }

    @Test
    void aRefusedStaffFormShowsEverythingTypedAgain() {
        WebSession admin = WebSession.signIn(port, "admin");
        Map<String, String> form = staff("Đặng Thị Gõ Lại", "số điện thoại");
        form.put("email", "go.lai@haiphong.gov.vn");
        form.put("accountUsername", "golai");

        String page = HtmlUtils.htmlUnescape(admin.post("/organization/staff/new", form).body());

        assertThat(page).contains("id=\"staff-phone-error\">Số điện thoại chỉ gồm chữ số");
        assertThat(page).containsPattern("id=\"staff-name\"[^>]*value=\"Đặng Thị Gõ Lại\"")
                .containsPattern("id=\"staff-email\"[^>]*value=\"go.lai@haiphong.gov.vn\"")
                .containsPattern("id=\"staff-phone\"[^>]*value=\"số điện thoại\"")
                .containsPattern("id=\"staff-account\"[^>]*value=\"golai\"");
        assertThat(organization.staff(null, "dang thi go lai", false, PageRequest.of(0, 5)).getTotalElements()).isZero();
    }

    @Test
    void anInvalidEmailIsShownNextToTheEmailField() {
        WebSession admin = WebSession.signIn(port, "admin");
        Map<String, String> form = staff("Lý Thử Thư", null);
        form.put("email", "khong-phai-email");

        String page = admin.post("/organization/staff/new", form).body();

        assertThat(page).contains("id=\"staff-email-error\">Địa chỉ thư điện tử không hợp lệ.</div>");
        assertThat(organization.staff(null, "ly thu thu", false, PageRequest.of(0, 5)).getTotalElements()).isZero();
    }

    @Test
    void anAdministratorAddsAUnitAndADuplicateCodeIsRefused() {
        WebSession admin = WebSession.signIn(port, "admin");

        Api.Response created = admin.post("/organization/units/new", Map.of("agencyCode", "000.00.00.H27",
                "code", "ub.thu", "name", "Tổ Thử nghiệm", "kind", "BOARD"));
        Api.Response duplicate = admin.post("/organization/units/new", Map.of("agencyCode", "000.00.00.H27",
                "code", "VP.MC", "name", "Trùng mã", "kind", "BOARD"));

        assertThat(created.status()).isEqualTo(302);
        assertThat(organization.unit("UB.THU")).hasValueSatisfying(unit -> assertThat(unit.name()).isEqualTo("Tổ Thử nghiệm"));
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.body()).contains("id=\"unit-code-error\">Đã có đơn vị mang mã VP.MC.</div>");
        assertThat(admin.get("/organization").body()).contains("Tổ Thử nghiệm");
    }

    @Test
    void anAdministratorGivesAUnitTheTelephoneItsFormsPrintAndAWrongNumberIsShownNextToTheField() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post("/organization/units/new", Map.of("agencyCode", "000.00.00.H27", "code", "UB.DT",
                "name", "Tổ Điện thoại", "kind", "BOARD", "phone", "0225 3842 999"));
        int version = Integer.parseInt(value(admin.get("/organization/units/UB.DT").body(), "version"));

        Api.Response wrong = admin.post("/organization/units/UB.DT", Map.of("name", "Tổ Điện thoại",
                "kind", "BOARD", "phone", "0125 3842 999", "active", "true", "_active", "on",
                "version", String.valueOf(version)));

        assertThat(organization.unit("UB.DT")).hasValueSatisfying(unit -> assertThat(unit.phone()).isEqualTo("0225 3842 999"));
        assertThat(wrong.status()).isEqualTo(200);
        assertThat(wrong.body()).containsPattern("id=\"unit-phone-error\"[^>]*>Số điện thoại không hợp lệ");
        assertThat(admin.get("/organization/units/UB.DT").body()).contains("value=\"0225 3842 999\"");
    }

    @Test
    void aUnitChangedMeanwhileIsNotOverwritten() {
        WebSession admin = WebSession.signIn(port, "admin");
        admin.post("/organization/units/new", Map.of("agencyCode", "000.00.00.H27", "code", "UB.DOI",
                "name", "Tổ Đổi tên", "kind", "BOARD"));
        int version = Integer.parseInt(value(admin.get("/organization/units/UB.DOI").body(), "version"));

        Api.Response first = admin.post("/organization/units/UB.DOI", Map.of("name", "Tổ Đổi tên lần một",
                "kind", "BOARD", "active", "true", "_active", "on", "version", String.valueOf(version)));
        Api.Response second = admin.post("/organization/units/UB.DOI", Map.of("name", "Tổ Đổi tên lần hai",
                "kind", "BOARD", "_active", "on", "version", String.valueOf(version)));

        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body()).contains("Dữ liệu đã được người khác thay đổi");
        assertThat(organization.unit("UB.DOI")).hasValueSatisfying(unit -> {
            assertThat(unit.name()).isEqualTo("Tổ Đổi tên lần một");
            assertThat(unit.active()).isTrue();
        });
    }

    private static Map<String, String> staff(String fullName, String phone) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("fullName", fullName);
        form.put("unitCode", "UB.TT");
        form.put("positionCode", "CV");
        form.put("email", "");
        form.put("phone", phone == null ? "" : phone);
        form.put("accountUsername", "");
        form.put("active", "true");
        form.put("_active", "on");
        return form;
    }

    /** The value of a form field, as the page renders it. */
    private static String value(String page, String name) {
        Matcher input = Pattern.compile("<input[^>]*name=\"" + name + "\"[^>]*value=\"([^\"]*)\"").matcher(page);
        Matcher reversed = Pattern.compile("<input[^>]*value=\"([^\"]*)\"[^>]*name=\"" + name + "\"").matcher(page);
        if (input.find()) {
            return input.group(1);
        }
        if (reversed.find()) {
            return reversed.group(1);
        }
        throw new AssertionError("No field " + name + " on the page");
    }
}
