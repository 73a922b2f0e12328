package vn.motcua.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.motcua.organization.OrganizationViews.AgencyView;

/** How an agency is named under its superior and abbreviated in document numbers (Decree 30/2020/NĐ-CP). */
class AgencyNamesTest {

    static final AgencyView CITY = agency("000.00.00.H27", "Ủy ban nhân dân thành phố Hải Phòng", "UBND thành phố", null);

    static AgencyView agency(String code, String name, String shortName, String parent) {
        return new AgencyView(code, name, 0, 0, List.of(), shortName, parent);
    }

    @Test
    void a_department_is_named_under_the_city_without_the_locality_the_city_gives() {
        AgencyView construction = agency("000.00.07.H27", "Sở Xây dựng thành phố Hải Phòng", null, CITY.code());
        assertThat(construction.nameUnder(CITY)).isEqualTo("Sở Xây dựng");
        AgencyView office = agency("000.00.01.H27", "Văn phòng Ủy ban nhân dân thành phố Hải Phòng", null, CITY.code());
        assertThat(office.nameUnder(CITY)).isEqualTo("Văn phòng");
    }

    @Test
    void an_agency_without_a_superior_or_a_shared_locality_keeps_its_whole_name() {
        assertThat(CITY.nameUnder(null)).isEqualTo("Ủy ban nhân dân thành phố Hải Phòng");
        AgencyView other = agency("X", "Cục Thuế tỉnh Hà Tĩnh", null, CITY.code());
        assertThat(other.nameUnder(CITY)).isEqualTo("Cục Thuế tỉnh Hà Tĩnh");
    }

    @Test
    void the_notation_is_the_short_name_when_written_as_one_else_the_initials_under_the_superior() {
        assertThat(agency("A", "Sở Xây dựng thành phố Hải Phòng", null, CITY.code()).notation(CITY)).isEqualTo("SXD");
        assertThat(agency("B", "Sở Nông nghiệp và Môi trường thành phố Hải Phòng", null, CITY.code()).notation(CITY))
                .isEqualTo("SNNMT");
        assertThat(agency("C", "Sở Giáo dục và Đào tạo thành phố Hải Phòng", null, CITY.code()).notation(CITY))
                .isEqualTo("SGDĐT");
        assertThat(agency("D", "Sở Xây dựng thành phố Hải Phòng", "SXDHP", CITY.code()).notation(CITY)).isEqualTo("SXDHP");
        // "UBND thành phố" is a short name, not a notation.
        assertThat(CITY.notation(null)).isEqualTo("UBNDTPHP");
    }
}
