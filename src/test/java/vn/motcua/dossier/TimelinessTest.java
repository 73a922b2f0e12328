package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class TimelinessTest {

    private static final Predicate<LocalDate> WEEKDAYS =
            d -> d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;

    /** Due Tuesday 2026-12-01 at 16:30. */
    private static final LocalDateTime DUE = LocalDateTime.of(2026, 12, 1, 16, 30);

    @Test
    void completed_on_the_working_day_before_the_due_day_is_early() {
        assertThat(Timeliness.judge(LocalDateTime.of(2026, 11, 30, 17, 0), DUE, WEEKDAYS)).isEqualTo(Timeliness.EARLY);
    }

    @Test
    void completed_on_the_due_day_before_the_due_time_is_on_time() {
        assertThat(Timeliness.judge(LocalDateTime.of(2026, 12, 1, 7, 30), DUE, WEEKDAYS)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void completed_exactly_at_the_due_time_is_on_time() {
        assertThat(Timeliness.judge(DUE, DUE, WEEKDAYS)).isEqualTo(Timeliness.ON_TIME);
    }

    @Test
    void completed_one_minute_after_the_due_time_is_late() {
        assertThat(Timeliness.judge(DUE.plusMinutes(1), DUE, WEEKDAYS)).isEqualTo(Timeliness.LATE);
    }

    @Test
    void completed_the_day_after_the_due_day_is_late() {
        assertThat(Timeliness.judge(LocalDateTime.of(2026, 12, 2, 8, 0), DUE, WEEKDAYS)).isEqualTo(Timeliness.LATE);
    }

    @Test
    void completed_on_a_day_off_before_the_due_day_is_on_time_not_early() {
        LocalDateTime dueMonday = LocalDateTime.of(2026, 11, 30, 16, 30);
        assertThat(Timeliness.judge(LocalDateTime.of(2026, 11, 29, 10, 0), dueMonday, WEEKDAYS))
                .isEqualTo(Timeliness.ON_TIME);
    }
}
