package vn.motcua.calendar.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import vn.motcua.calendar.DayKind;
import vn.motcua.calendar.WorkingCalendar;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;
import vn.motcua.support.WebSession;

/** The calendar pages over plain HTTP: who may change a day, and what the forms say. Dates of 2032. */
@IntegrationTest
class CalendarPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    WorkingCalendar calendar;

    @Test
    void anonymousVisitorsAreSentToTheSignInPage() {
        Api.Response response = WebSession.anonymous(port).get("/calendar");

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    @Test
    void aMemberOfStaffWhoIsNotAnAdministratorCannotChangeADay() {
        WebSession leader = WebSession.signIn(port, "lanhdao");
        assertThat(leader.get("/calendar?year=2032").status()).isEqualTo(200);

        Api.Response set = leader.post("/calendar/days/2032-05-08",
                Map.of("kind", "SWAPPED_WORKDAY", "name", "Không được phép"));
        Api.Response form = leader.get("/calendar/days/2032-05-08");
        Api.Response remove = leader.post("/calendar/days/2032-05-08/remove", Map.of());

        assertThat(set.status()).isEqualTo(403);
        assertThat(form.status()).isEqualTo(403);
        assertThat(remove.status()).isEqualTo(403);
        assertThat(set.body()).contains("Bạn không có quyền thực hiện thao tác này.");
        assertThat(calendar.day(LocalDate.of(2032, 5, 8)).overridden()).isFalse();
    }

    @Test
    void theCalendarIsReadOnlyForOthers() {
        String page = WebSession.signIn(port, "vanthu").get("/calendar?year=2032").body();

        assertThat(page).contains("data-date=\"2032-05-08\"");
        assertThat(page).doesNotContain("/calendar/days/2032-05-08");
        assertThat(page).doesNotContain("id=\"day-panel\"");
    }

    @Test
    void anAdministratorIsToldNextToTheFieldThatTheNameIsRequired() {
        WebSession admin = WebSession.signIn(port, "admin");

        Api.Response response = admin.post("/calendar/days/2032-05-15",
                Map.of("kind", "SWAPPED_WORKDAY", "name", "   ", "legalReference", ""));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).containsPattern(
                "id=\"day-name-error\">Trường này là bắt buộc\\.</div>");
        assertThat(response.body()).contains("class=\"form-control is-invalid\" type=\"text\" id=\"day-name\"");
        assertThat(calendar.day(LocalDate.of(2032, 5, 15)).overridden()).isFalse();
    }

    @Test
    void aRefusedDayFormShowsWhatTheAdministratorTypedAgain() {
        WebSession admin = WebSession.signIn(port, "admin");
        String tooLong = "Nghỉ bù " + "rất dài ".repeat(30);

        Api.Response response = admin.post("/calendar/days/2032-05-22",
                Map.of("kind", "COMPENSATORY_DAY_OFF", "name", tooLong, "legalReference", "Quyết định 12/QĐ-UBND"));

        String page = HtmlUtils.htmlUnescape(response.body());
        assertThat(response.status()).isEqualTo(200);
        assertThat(page).contains("id=\"day-name-error\">Không được dài quá 200 ký tự.</div>");
        assertThat(page).contains("value=\"" + tooLong.strip() + "\"");
        assertThat(page).contains("value=\"Quyết định 12/QĐ-UBND\"");
        assertThat(page).contains("<option value=\"COMPENSATORY_DAY_OFF\" selected=\"selected\"");
        assertThat(calendar.day(LocalDate.of(2032, 5, 22)).overridden()).isFalse();
    }

    @Test
    void aHolidaySetByAnAdministratorIsADayOffUntilTheOverrideIsRemoved() {
        WebSession admin = WebSession.signIn(port, "admin");
        LocalDate tuesday = LocalDate.of(2032, 6, 1);
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();

        Api.Response saved = admin.post("/calendar/days/2032-06-01", Map.of("kind", "HOLIDAY",
                "name", "Nghỉ thử nghiệm", "legalReference", "Quyết định 1/QĐ-THU"));

        assertThat(saved.status()).isEqualTo(302);
        assertThat(saved.header("Location")).endsWith("/calendar?year=2032#m6");
        WorkingCalendar.Day day = calendar.day(tuesday);
        assertThat(day.overridden()).isTrue();
        assertThat(day.day().kind()).isEqualTo(DayKind.HOLIDAY);
        assertThat(day.day().working()).isFalse();
        assertThat(day.legalReference()).isEqualTo("Quyết định 1/QĐ-THU");
        String year = admin.get("/calendar?year=2032").body();
        assertThat(year).contains("data-date=\"2032-06-01\" data-kind=\"HOLIDAY\" data-overridden=\"true\"");
        assertThat(year).contains("Nghỉ thử nghiệm");

        Api.Response removed = admin.post("/calendar/days/2032-06-01/remove", Map.of());

        assertThat(removed.status()).isEqualTo(302);
        assertThat(calendar.day(tuesday).overridden()).isFalse();
        assertThat(calendar.isWorkingDay(tuesday)).isTrue();
    }

    @Test
    void aSwappedWorkdayCountsAsWorkingTime() {
        WebSession admin = WebSession.signIn(port, "admin");
        LocalDate saturday = LocalDate.of(2032, 6, 12);

        admin.post("/calendar/days/2032-06-12", Map.of("kind", "SWAPPED_WORKDAY", "name", "Làm bù thử nghiệm"));

        assertThat(calendar.isWorkingDay(saturday)).isTrue();
        assertThat(calendar.day(saturday).day().kind()).isEqualTo(DayKind.SWAPPED_WORKDAY);
        admin.post("/calendar/days/2032-06-12/remove", Map.of());
        assertThat(calendar.isWorkingDay(saturday)).isFalse();
    }

    @Test
    void theConverterAndTheDeadlineCalculatorAnswerInVietnamese() {
        WebSession desk = WebSession.signIn(port, "tiepnhan");

        assertThat(desk.get("/calendar/tools/lunar?date=26/04/2026").body())
                .contains("26/04/2026 (Chủ Nhật): Ngày 10/3 năm Bính Ngọ (âm lịch)");
        assertThat(desk.get("/calendar/tools/solar?lunarDay=1&lunarMonth=1&lunarYear=2026").body())
                .contains("Ngày 1/1 năm Bính Ngọ (âm lịch): Thứ Ba, 17/02/2026 (dương lịch)");
        assertThat(desk.get("/calendar/tools/solar?lunarDay=30&lunarMonth=2&lunarYear=2026&leapMonth=true").body())
                .contains("Không có ngày 30/2 âm lịch năm 2026");
        assertThat(desk.get("/calendar/tools/deadline?fromDate=29/04/2026&fromTime=10:00&amount=3&unit=DAYS").body())
                .contains("hạn giải quyết là 10:00, Thứ Tư ngày 06/05/2026");
        assertThat(desk.get("/calendar/tools/deadline?fromDate=31/04/2026&fromTime=10:00&amount=3").body())
                .contains("Vui lòng nhập ngày bắt đầu");
        assertThat(desk.get("/calendar/tools/deadline?fromDate=29/04/2026&fromTime=10:00&amount=-1").body())
                .contains("Thời hạn phải là số nguyên từ 0 đến 1000.");
    }

    @Test
    void aYearOutsideTheCalendarIsABadRequestPage() {
        Api.Response response = WebSession.signIn(port, "chuyenvien").get("/calendar?year=2200");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Yêu cầu không hợp lệ").doesNotContain("Exception");
    }
}
