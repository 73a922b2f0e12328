package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import vn.motcua.shared.ProblemException;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class OrganizationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Organization organization;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void the_demo_office_has_nine_departments_one_board_and_seventy_of_seventy_five_staff_in_post() {
        JsonNode agencies = Api.as(port, "giamsat").get("/api/v1/organization/agencies").json();
        JsonNode office = agencies.valueStream().filter(a -> a.get("code").asString().equals("000.00.01.H27"))
                .findFirst().orElseThrow();
        assertThat(office.get("name").asString()).isEqualTo("Văn phòng Ủy ban nhân dân thành phố Hải Phòng");
        assertThat(office.get("staffingQuota").asInt()).isEqualTo(75);
        assertThat(office.get("staffFilled").asInt()).isEqualTo(70);
        assertThat(office.get("units").valueStream().filter(u -> u.get("kind").asString().equals("DEPARTMENT")))
                .hasSize(9);
        assertThat(office.get("units").valueStream().filter(u -> u.get("kind").asString().equals("BOARD")))
                .hasSize(1);
        assertThat(office.get("units").valueStream().map(u -> u.get("kind").asString()))
                .contains("LEADERSHIP", "ONE_STOP_DESK");
        assertThat(agencies.valueStream().map(a -> a.get("code").asString())).contains("000.00.00.H27");
    }

    @Test
    void anonymous_callers_cannot_read_the_organization() {
        assertThat(Api.anonymous(port).get("/api/v1/organization/agencies").status()).isEqualTo(401);
    }

    @Test
    void staff_search_among_the_demo_staff_ignores_diacritics_and_matches_word_starts() {
        assertThat(organization.staff(null, "nguyen van hai", true, PageRequest.of(0, 20)).getContent())
                .extracting(OrganizationViews.StaffView::fullName).containsExactly("Nguyễn Văn Hải");
        assertThat(organization.staff(null, "DOAN MANH", true, PageRequest.of(0, 20)).getContent())
                .extracting(OrganizationViews.StaffView::fullName).containsExactly("Đoàn Mạnh Hùng");
        // "hai" starts a word in "Nguyễn Văn Hải" but not inside "Thái".
        assertThat(organization.staff(null, "ai", true, PageRequest.of(0, 20)).getContent()).isEmpty();
        assertThat(organization.staff(null, "50%_'\"<script>", true, PageRequest.of(0, 20)).getContent()).isEmpty();
        assertThat(organization.staff("VP.MC", null, true, PageRequest.of(0, 20)).getTotalElements()).isEqualTo(3);
    }

    /** Rolled back: the other tests see the organisation as it was. */
    @Test
    void an_agency_is_registered_once_below_a_known_parent_and_a_position_is_defined_once() {
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            organization.registerAgency("000.00.99.H27", "Sở Thử nghiệm thành phố Hải Phòng", "STN",
                    AgencyKind.DEPARTMENT, "000.00.00.H27", null, 12);
            organization.createUnit("000.00.99.H27", "STN.LD", "Ban Giám đốc Sở", UnitKind.LEADERSHIP, null);
            assertThat(organization.agencies()).filteredOn(a -> a.code().equals("000.00.99.H27")).singleElement()
                    .satisfies(a -> {
                        assertThat(a.staffingQuota()).isEqualTo(12);
                        assertThat(a.units()).extracting(OrganizationViews.UnitSummary::code).containsExactly("STN.LD");
                    });
            assertThat(status(() -> organization.registerAgency("000.00.99.H27", "Lần nữa", null,
                    AgencyKind.DEPARTMENT, "000.00.00.H27", null, 0))).isEqualTo(HttpStatus.CONFLICT);
            assertThat(status(() -> organization.registerAgency("000.00.98.H27", "Cha không có", null,
                    AgencyKind.DEPARTMENT, "999.99.99.H99", null, 0))).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(status(() -> organization.registerAgency("ma thu", "Mã sai", null, AgencyKind.DEPARTMENT,
                    null, null, 0))).isEqualTo(HttpStatus.BAD_REQUEST);

            organization.definePosition("TNTN", "Trưởng nhóm thử nghiệm", true, 5);
            assertThat(organization.positions()).filteredOn(p -> p.code().equals("TNTN")).singleElement()
                    .satisfies(p -> assertThat(p.leadership()).isTrue());
            assertThat(status(() -> organization.definePosition("TNTN", "Lần nữa", false, 9)))
                    .isEqualTo(HttpStatus.CONFLICT);
        });
    }

    private static HttpStatus status(Runnable command) {
        ProblemException problem = catchThrowableOfType(ProblemException.class, command::run);
        assertThat(problem).as("refused").isNotNull();
        return problem.status();
    }
}
