package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OfficeHoursTest {

    private static OfficeSession session(int fromHour, int fromMinute, int toHour, int toMinute) {
        return new OfficeSession(
                LocalTime.of(fromHour, fromMinute), LocalTime.of(toHour, toMinute));
    }

    @Test
    void the_standard_day_is_two_sessions_of_four_hours() {
        OfficeHours standard = OfficeHours.standard();
        assertThat(standard.sessions())
                .containsExactly(session(8, 0, 12, 0), session(13, 30, 17, 30));
        assertThat(standard.perDay()).isEqualTo(Duration.ofHours(8));
    }

    @Test
    void sessions_must_be_sorted_and_must_not_overlap() {
        assertThatThrownBy(
                        () ->
                                new OfficeHours(
                                        List.of(session(13, 30, 17, 30), session(8, 0, 12, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new OfficeHours(List.of(session(8, 0, 12, 0), session(11, 0, 17, 0))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new OfficeHours(List.of(session(8, 0, 12, 0), session(12, 0, 16, 0))).perDay())
                .isEqualTo(Duration.ofHours(8));
    }

    @Test
    void office_hours_need_a_session() {
        assertThatThrownBy(() -> new OfficeHours(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_session_must_end_after_it_starts_on_a_whole_minute() {
        assertThatThrownBy(() -> session(12, 0, 8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> session(8, 0, 8, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OfficeSession(LocalTime.of(8, 0, 30), LocalTime.of(12, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
