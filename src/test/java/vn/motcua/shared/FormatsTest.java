package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.motcua.shared.web.Formats;

class FormatsTest {

    private final Formats formats = new Formats();

    @Test
    void amounts_are_written_the_vietnamese_way() {
        assertThat(Formats.vnd(1_500_000)).isEqualTo("1.500.000 đ");
        assertThat(Formats.vnd(0)).isEqualTo("0 đ");
        assertThat(formats.money(50_000L)).isEqualTo("50.000 đ");
    }

    @Test
    void dates_are_day_month_year_in_vietnam_time() {
        assertThat(formats.date(LocalDate.of(2026, 4, 30))).isEqualTo("30/04/2026");
        // 17:30 UTC is 00:30 the next day in Hà Nội/Hải Phòng.
        assertThat(formats.dateTime(Instant.parse("2026-04-29T17:30:00Z"))).isEqualTo("30/04/2026 00:30");
    }
}
