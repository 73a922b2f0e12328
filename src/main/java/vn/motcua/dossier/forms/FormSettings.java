package vn.motcua.dossier.forms;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.forms.*}: the place name of the date line ("Hải Phòng, ngày …") and the number of each
 * form ("Mẫu số 06"), kept as data: the numbering changed with Circular 03/2025/TT-VPCP Annex I (the stop notice
 * became 05, the control slip 06, the tracking book 07) and may change again:
 * {@code motcua.forms.numbers.control-slip=06}.
 */
@ConfigurationProperties("motcua.forms")
public record FormSettings(String place, Map<Form, String> numbers) {

    public FormSettings {
        place = place == null || place.isBlank() ? "Hải Phòng" : place.strip();
        Map<Form, String> all = new EnumMap<>(Map.of(Form.RECEIPT, "01", Form.SUPPLEMENT_REQUEST, "02",
                Form.REFUSAL, "03", Form.APOLOGY, "04", Form.STOP_NOTICE, "05", Form.CONTROL_SLIP, "06",
                Form.TRACKING_BOOK, "07"));
        if (numbers != null) {
            all.putAll(numbers);
        }
        numbers = Map.copyOf(all);
    }

    /** The number of {@code form} in force ("06"), also for a form printed elsewhere (the tracking book). */
    public String number(Form form) {
        return numbers.get(form);
    }
}
