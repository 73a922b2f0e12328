package vn.motcua.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.convert.ConversionFailedException;
import org.springframework.format.support.FormattingConversionService;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import vn.motcua.support.IntegrationTest;

/**
 * Date-times that come in, read once for the whole application: by the JSON mapper the API uses and by the
 * conversion service that binds request parameters and path values.
 */
@IntegrationTest
class DateTimeInputTest {

    static final OffsetDateTime HALF_PAST_EIGHT = OffsetDateTime.of(2026, 12, 3, 8, 30, 0, 0, ZoneOffset.ofHours(7));

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("mvcConversionService")
    FormattingConversionService conversions;

    @Test
    void a_json_date_time_without_an_offset_is_vietnam_time_for_every_date_time_type() {
        assertThat(json.readValue("\"2026-12-03T08:30:00\"", OffsetDateTime.class)).isEqualTo(HALF_PAST_EIGHT);
        assertThat(json.readValue("\"2026-12-03T08:30:00\"", Instant.class)).isEqualTo(HALF_PAST_EIGHT.toInstant());
        assertThat(json.readValue("\"2026-12-03T08:30\"", ZonedDateTime.class).toInstant())
                .isEqualTo(HALF_PAST_EIGHT.toInstant());
        assertThat(json.readValue("\"2026-12-03T08:30:00\"", LocalDateTime.class))
                .isEqualTo(HALF_PAST_EIGHT.toLocalDateTime());
    }

    @Test
    void a_json_date_time_with_an_offset_is_that_moment_and_a_local_date_time_is_its_vietnam_time() {
        assertThat(json.readValue("\"2026-12-03T01:30:00Z\"", OffsetDateTime.class).toInstant())
                .isEqualTo(HALF_PAST_EIGHT.toInstant());
        assertThat(json.readValue("\"2026-12-03T08:30:00+07:00\"", Instant.class))
                .isEqualTo(HALF_PAST_EIGHT.toInstant());
        assertThat(json.readValue("\"2026-12-03T10:30:00+09:00\"", LocalDateTime.class))
                .isEqualTo(HALF_PAST_EIGHT.toLocalDateTime());
    }

    @Test
    void a_json_value_that_is_not_a_real_date_time_is_refused() {
        for (String bad : new String[] {"\"03/12/2026 08:30\"", "\"2026-02-30T08:30:00\"", "\"2026-12-03\"", "1796261400"}) {
            assertThatThrownBy(() -> json.readValue(bad, Instant.class)).as(bad)
                    .isInstanceOf(MismatchedInputException.class);
        }
    }

    @Test
    void request_parameters_and_path_values_are_read_the_same_way() {
        assertThat(conversions.convert("2026-12-03T08:30:00", OffsetDateTime.class)).isEqualTo(HALF_PAST_EIGHT);
        assertThat(conversions.convert("2026-12-03T01:30:00Z", Instant.class)).isEqualTo(HALF_PAST_EIGHT.toInstant());
        assertThat(conversions.convert("2026-12-03T01:30:00Z", LocalDateTime.class))
                .isEqualTo(HALF_PAST_EIGHT.toLocalDateTime());
        assertThat(conversions.convert(" ", Instant.class)).isNull();
        assertThatThrownBy(() -> conversions.convert("ngày mai", OffsetDateTime.class))
                .isInstanceOf(ConversionFailedException.class);
    }

    @Test
    void answers_write_the_offset_a_moment_has_and_instants_in_utc() {
        assertThat(json.writeValueAsString(HALF_PAST_EIGHT)).isEqualTo("\"2026-12-03T08:30:00+07:00\"");
        assertThat(json.writeValueAsString(HALF_PAST_EIGHT.toInstant())).isEqualTo("\"2026-12-03T01:30:00Z\"");
    }

    @Test
    void a_date_or_date_time_outside_1900_to_2100_is_refused_in_bodies_and_parameters() {
        assertThatThrownBy(() -> json.readValue("\"+10000-01-01\"", java.time.LocalDate.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("validation.date-range");
        assertThatThrownBy(() -> json.readValue("\"1899-12-31T23:00:00+07:00\"", Instant.class))
                .isInstanceOf(MismatchedInputException.class).hasMessageContaining("validation.date-range");
        assertThat(json.readValue("\"1900-01-01\"", java.time.LocalDate.class)).isEqualTo(java.time.LocalDate.of(1900, 1, 1));
        assertThatThrownBy(() -> conversions.convert("2101-01-01", java.time.LocalDate.class))
                .isInstanceOf(ConversionFailedException.class);
        assertThatThrownBy(() -> conversions.convert("+10000-01-01T00:00:00Z", Instant.class))
                .isInstanceOf(ConversionFailedException.class);
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void a_query_date_out_of_range_is_a_400_naming_the_parameter() {
        vn.motcua.support.Api.Response response = vn.motcua.support.Api.as(port, "admin")
                .get("/api/v1/tasks/statistics?asOf=%2B10000-01-01");
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("asOf");
        assertThat(response.json().get("errors").get(0).get("message").asString())
                .isEqualTo("Ngày phải trong khoảng từ 01/01/1900 đến 31/12/2100.");
    }
}
