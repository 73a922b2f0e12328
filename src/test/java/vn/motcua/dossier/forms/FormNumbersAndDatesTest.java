package vn.motcua.dossier.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class FormNumbersAndDatesTest {

    static FormSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("motcua.forms", FormSettings.class);
    }

    @Test
    void without_settings_the_forms_are_numbered_as_circular_03_2025_annex_i_and_dated_in_hai_phong() {
        FormSettings settings = bind(Map.of());
        assertThat(settings.place()).isEqualTo("Hải Phòng");
        assertThat(settings.number(Form.RECEIPT)).isEqualTo("01");
        assertThat(settings.number(Form.SUPPLEMENT_REQUEST)).isEqualTo("02");
        assertThat(settings.number(Form.REFUSAL)).isEqualTo("03");
        assertThat(settings.number(Form.APOLOGY)).isEqualTo("04");
        assertThat(settings.number(Form.STOP_NOTICE)).isEqualTo("05");
        assertThat(settings.number(Form.CONTROL_SLIP)).isEqualTo("06");
        assertThat(settings.number(Form.TRACKING_BOOK)).isEqualTo("07");
    }

    @Test
    void the_2018_numbering_of_the_control_slip_is_a_matter_of_configuration() {
        FormSettings settings = bind(Map.of("motcua.forms.numbers.control-slip", "05"));
        assertThat(settings.number(Form.CONTROL_SLIP)).isEqualTo("05");
        assertThat(settings.number(Form.APOLOGY)).isEqualTo("04");
    }

    @Test
    void a_renumbered_form_and_another_city_are_a_matter_of_configuration() {
        FormSettings settings = bind(Map.of("motcua.forms.numbers.supplement-request", "02a",
                "motcua.forms.place", "Đà Nẵng"));
        assertThat(settings.number(Form.SUPPLEMENT_REQUEST)).isEqualTo("02a");
        assertThat(settings.number(Form.RECEIPT)).isEqualTo("01");
        assertThat(settings.place()).isEqualTo("Đà Nẵng");
    }

    @Test
    void months_1_and_2_get_a_leading_zero_and_the_others_none() {
        // Decree 30/2020 Appendix I: "ngày 05 tháng 02 năm 2026", "ngày 15 tháng 3 năm 2026".
        assertThat(DossierForms.month(1)).isEqualTo("01");
        assertThat(DossierForms.month(2)).isEqualTo("02");
        assertThat(DossierForms.month(3)).isEqualTo("3");
        assertThat(DossierForms.month(12)).isEqualTo("12");
    }
}
