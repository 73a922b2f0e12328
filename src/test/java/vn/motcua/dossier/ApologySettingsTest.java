package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code motcua.dossier.apology.*} as an operator writes it, and the letter numbers it gives. */
class ApologySettingsTest {

    static ApologySettings bound(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("motcua.dossier.apology", ApologySettings.class);
    }

    @Test
    void by_default_a_late_apology_is_allowed_and_letters_are_numbered_like_07_SXD_VP() {
        ApologySettings settings = bound(Map.of());
        assertThat(settings.allowAfterDue()).isTrue();
        assertThat(settings.number(7, "SXD")).isEqualTo("07/SXD-VP");
        assertThat(settings.number(112, "SXD")).isEqualTo("112/SXD-VP");
    }

    @Test
    void an_operator_may_refuse_late_apologies_and_choose_the_notation() {
        ApologySettings settings = bound(Map.of("motcua.dossier.apology.allow-after-due", "false",
                "motcua.dossier.apology.number-pattern", "{number}/XL-{agency}"));
        assertThat(settings.allowAfterDue()).isFalse();
        assertThat(settings.number(3, "SNNMT")).isEqualTo("03/XL-SNNMT");
    }
}
