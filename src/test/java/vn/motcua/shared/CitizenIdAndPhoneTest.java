package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CitizenIdAndPhoneTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "031085001234, true",   // Hải Phòng, male born 1985
        "031198001234, true",   // female born 1998
        "001203001234, true",   // Hà Nội, male born 2003
        "031326001234, true",   // female born 2026
        "031227001234, false",  // born 2027: in the future
        "031485001234, false",  // 22nd century
        "003085001234, false",  // 003 is no province
        "097085001234, false",  // nor is 097
        "03108500123, false",   // 11 digits
        "0310850012345, false", // 13 digits
        "03108500123a, false",
        "'', false"})
    void citizen_ids_follow_circular_59_2021(String number, boolean valid) {
        assertThat(CitizenId.isValid(number, Year.of(2026))).isEqualTo(valid);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "0912345678, 0912345678",
        "0912 345 678, 0912345678",
        "0912.345.678, 0912345678",
        "+84 912 345 678, 0912345678",
        "84912345678, 0912345678",
        "0225 3842 123, 02253842123",
        "0112345678, ",
        "091234567, ",
        "09123456789, ",
        "hotline, "})
    void phone_numbers_are_normalised_or_refused(String text, String expected) {
        assertThat(PhoneNumber.normalize(text)).isEqualTo(expected);
    }
}
