package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.PageRequest;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class OrganizationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Organization organization;

    @Test
    void the_office_has_nine_departments_one_board_and_seventy_of_seventy_five_staff_in_post() {
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
    void staff_search_ignores_diacritics_and_matches_word_starts() {
        assertThat(organization.staff(null, "nguyen van hai", true, PageRequest.of(0, 20)).getContent())
                .extracting(OrganizationViews.StaffView::fullName).containsExactly("Nguyễn Văn Hải");
        assertThat(organization.staff(null, "DOAN MANH", true, PageRequest.of(0, 20)).getContent())
                .extracting(OrganizationViews.StaffView::fullName).containsExactly("Đoàn Mạnh Hùng");
        // "hai" starts a word in "Nguyễn Văn Hải" but not inside "Thái".
        assertThat(organization.staff(null, "ai", true, PageRequest.of(0, 20)).getContent()).isEmpty();
        assertThat(organization.staff(null, "50%_'\"<script>", true, PageRequest.of(0, 20)).getContent()).isEmpty();
        assertThat(organization.staff("VP.MC", null, true, PageRequest.of(0, 20)).getTotalElements()).isEqualTo(3);
    }
}
