package vn.motcua.dossier.forms;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code motcua.forms.*}: the place name of the date line ("Hải Phòng, ngày …") and the number of each
 * form ("Mẫu số 01"), kept as data because Circular 03/2025/TT-VPCP may renumber the forms (its annex reportedly
 * adds a stop notice as 05 and makes the control slip 06; unconfirmed): {@code motcua.forms.numbers.control-slip=06}.
 */
@ConfigurationProperties("motcua.forms")
public record FormSettings(String place, Map<Form, String> numbers) {

    public FormSettings {
        place = place == null || place.isBlank() ? "Hải Phòng" : place.strip();
        Map<Form, String> all = new EnumMap<>(Map.of(Form.RECEIPT, "01", Form.SUPPLEMENT_REQUEST, "02",
                Form.REFUSAL, "03", Form.APOLOGY, "04", Form.CONTROL_SLIP, "05"));
        if (numbers != null) {
            all.putAll(numbers);
        }
        numbers = Map.copyOf(all);
    }

    String number(Form form) {
        return numbers.get(form);
    }
}
