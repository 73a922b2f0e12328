package vn.motcua.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import vn.motcua.support.Api;
import vn.motcua.support.IntegrationTest;

@IntegrationTest
class CalendarApiTest {

    @LocalServerPort
    int port;

    Api anonymous() {
        return Api.anonymous(port);
    }

    @Test
    void the_lunar_date_of_tet_2027_is_vietnams_not_chinas() {
        JsonNode tet = anonymous().get("/api/public/calendar/lunar?date=2027-02-06").json();
        assertThat(tet.get("date").asString()).isEqualTo("2027-02-06");
        assertThat(tet.get("lunarDay").asInt()).isEqualTo(1);
        assertThat(tet.get("lunarMonth").asInt()).isEqualTo(1);
        assertThat(tet.get("lunarYear").asInt()).isEqualTo(2027);
        assertThat(tet.get("leapMonth").asBoolean()).isFalse();
    }

    @Test
    void a_leap_month_is_reported() {
        // 2025 has a leap 6th month, starting 25/07/2025.
        JsonNode day = anonymous().get("/api/public/calendar/lunar?date=2025-07-25").json();
        assertThat(day.get("lunarMonth").asInt()).isEqualTo(6);
        assertThat(day.get("leapMonth").asBoolean()).isTrue();
    }

    @Test
    void a_lunar_date_converts_back_to_its_solar_date() {
        JsonNode hungKings = anonymous().get("/api/public/calendar/solar?lunarDay=10&lunarMonth=3&lunarYear=2026").json();
        assertThat(hungKings.get("date").asString()).isEqualTo("2026-04-26");
        var missing = anonymous().get("/api/public/calendar/solar?lunarDay=1&lunarMonth=3&lunarYear=2026&leapMonth=true");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).isEqualTo("lunarDay");
    }

    @Test
    void two_working_days_from_wednesday_29_april_2026_fall_on_tuesday_5_may() {
        JsonNode deadline = anonymous().get("/api/public/calendar/deadline?from=2026-04-29T10:00:00&workingDays=2").json();
        assertThat(deadline.get("from").asString()).isEqualTo("2026-04-29T10:00:00");
        assertThat(deadline.get("due").asString()).isEqualTo("2026-05-05T10:00:00");
    }

    @Test
    void a_start_written_with_an_offset_is_read_as_its_vietnam_time() {
        for (String from : new String[] {"2026-04-29T03:00:00Z", "2026-04-29T10:00:00%2B07:00"}) {
            JsonNode deadline = anonymous().get("/api/public/calendar/deadline?from=" + from + "&workingDays=2").json();
            assertThat(deadline.get("from").asString()).as(from).isEqualTo("2026-04-29T10:00:00");
            assertThat(deadline.get("due").asString()).as(from).isEqualTo("2026-05-05T10:00:00");
        }
    }

    @Test
    void a_due_time_at_the_end_of_the_morning_session_is_noon() {
        JsonNode deadline = anonymous().get("/api/public/calendar/deadline?from=2026-05-05T08:00:00&workingHours=4").json();
        assertThat(deadline.get("due").asString()).isEqualTo("2026-05-05T12:00:00");
    }

    @Test
    void the_days_of_a_range_name_the_holidays_in_vietnamese_or_english() {
        JsonNode days = anonymous().get("/api/public/calendar/days?from=2026-04-29&to=2026-05-04").json();
        assertThat(days.size()).isEqualTo(6);
        assertThat(days.get(0).get("kind").asString()).isEqualTo("WORKDAY");
        assertThat(days.get(1).get("date").asString()).isEqualTo("2026-04-30");
        assertThat(days.get(1).get("working").asBoolean()).isFalse();
        assertThat(days.get(1).get("kind").asString()).isEqualTo("HOLIDAY");
        assertThat(days.get(1).get("name").asString()).isEqualTo("Ngày Chiến thắng (30/4)");
        assertThat(days.get(3).get("kind").asString()).isEqualTo("WEEKEND");

        JsonNode english = anonymous().header("Accept-Language", "en")
                .get("/api/public/calendar/days?from=2026-05-01&to=2026-05-01").json();
        assertThat(english.get(0).get("name").asString()).isEqualTo("International Labour Day (1 May)");
    }

    @ParameterizedTest(name = "{0} → 400 naming {1}")
    @CsvSource({
        "/api/public/calendar/lunar?date=2026-02-30, date",
        "/api/public/calendar/lunar?date=hôm-nay, date",
        "/api/public/calendar/lunar?date=1800-01-01, date",
        "/api/public/calendar/days?from=2026-01-01&to=2027-01-02, to",
        "/api/public/calendar/days?from=2026-05-01&to=2026-04-01, to",
        "/api/public/calendar/days?from=2026-01-01, to",
        "/api/public/calendar/deadline?from=2026-04-29T10:00:00&workingDays=-1, workingDays",
        "/api/public/calendar/deadline?from=2026-04-29T10:00:00&workingDays=1000000, workingDays",
        "/api/public/calendar/deadline?from=2026-04-29T10:00:00&workingHours=abc, workingHours",
        "/api/public/calendar/deadline?from=2026-04-29T25:00:00&workingDays=1, from",
        "/api/public/calendar/deadline?from=2026-04-29T10:00:00, workingDays",
        "/api/public/calendar/deadline?from=2026-04-29T10:00:00&workingDays=1&workingHours=1, workingHours",
        "/api/public/calendar/deadline?from=2100-12-30T10:00:00&workingDays=900, workingDays",
    })
    void bad_input_is_a_problem_detail_naming_the_parameter(String path, String parameter) {
        Api.Response response = anonymous().get(path.replace("ô", "%C3%B4"));
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at vn.motcua");
    }

    @Test
    void an_administrator_swaps_a_saturday_into_a_working_day_and_deadlines_follow() {
        Api admin = Api.as(port, "admin");
        // Saturday 2033-05-07 (a year no other test touches).
        String before = anonymous().get("/api/public/calendar/deadline?from=2033-05-06T16:30:00&workingHours=2")
                .json().get("due").asString();
        assertThat(before).isEqualTo("2033-05-09T09:00:00");

        Api.Response set = admin.put("/api/v1/calendar/days/2033-05-07", Map.of(
                "working", true, "kind", "SWAPPED_WORKDAY", "name", "Làm bù cho ngày 30/4",
                "legalReference", "Thông báo 1234/TB-BLĐTBXH"));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        assertThat(set.json().get("kind").asString()).isEqualTo("SWAPPED_WORKDAY");
        assertThat(set.json().get("overridden").asBoolean()).isTrue();

        JsonNode day = anonymous().get("/api/public/calendar/days?from=2033-05-07&to=2033-05-07").json().get(0);
        assertThat(day.get("working").asBoolean()).isTrue();
        assertThat(day.get("name").asString()).isEqualTo("Làm bù cho ngày 30/4");
        assertThat(anonymous().get("/api/public/calendar/deadline?from=2033-05-06T16:30:00&workingHours=2")
                .json().get("due").asString()).isEqualTo("2033-05-07T09:00:00");

        assertThat(admin.delete("/api/v1/calendar/days/2033-05-07").status()).isEqualTo(204);
        assertThat(anonymous().get("/api/public/calendar/days?from=2033-05-07&to=2033-05-07").json().get(0)
                .get("kind").asString()).isEqualTo("WEEKEND");
        assertThat(admin.delete("/api/v1/calendar/days/2033-05-07").status()).isEqualTo(404);
    }

    @Test
    void an_override_is_recorded_in_the_audit_log() {
        Api admin = Api.as(port, "admin");
        admin.put("/api/v1/calendar/days/2033-06-01", Map.of("kind", "HOLIDAY", "name", "Nghỉ thử nghiệm"));
        JsonNode entries = admin.get("/api/v1/audit?size=20").json().get("items");
        boolean found = false;
        for (JsonNode entry : entries) {
            if (entry.get("target").asString().equals("calendar/2033-06-01")) {
                assertThat(entry.get("actor").asString()).isEqualTo("admin");
                assertThat(entry.get("action").asString()).isEqualTo("CALENDAR_DAY_SET");
                assertThat(entry.get("remoteAddress").asString()).isEqualTo("127.0.0.1");
                found = true;
            }
        }
        assertThat(found).as("audit entry for calendar/2033-06-01").isTrue();
        assertThat(admin.delete("/api/v1/calendar/days/2033-06-01").status()).isEqualTo(204);
    }

    @Test
    void only_administrators_change_the_calendar() {
        Map<String, Object> body = Map.of("kind", "HOLIDAY", "name", "Nghỉ");
        assertThat(anonymous().put("/api/v1/calendar/days/2033-07-01", body).status()).isEqualTo(401);
        for (String user : new String[] {"tiepnhan", "chuyenvien", "lanhdao", "vanthu", "giamsat"}) {
            Api.Response refused = Api.as(port, user).put("/api/v1/calendar/days/2033-07-01", body);
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(Api.as(port, "lanhdao").delete("/api/v1/calendar/days/2033-07-01").status()).isEqualTo(403);
        assertThat(anonymous().get("/api/public/calendar/days?from=2033-07-01&to=2033-07-01").json().get(0)
                .get("kind").asString()).isEqualTo("WORKDAY");
    }

    @Test
    void an_override_must_be_consistent_and_named() {
        Api admin = Api.as(port, "admin");
        Api.Response mismatch = admin.put("/api/v1/calendar/days/2033-08-02",
                Map.of("working", true, "kind", "HOLIDAY", "name", "Sai"));
        assertThat(mismatch.status()).isEqualTo(400);
        assertThat(mismatch.json().get("errors").get(0).get("field").asString()).isEqualTo("kind");
        Api.Response unnamed = admin.put("/api/v1/calendar/days/2033-08-02", Map.of("kind", "HOLIDAY", "name", " "));
        assertThat(unnamed.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(admin.put("/api/v1/calendar/days/2033-02-30", Map.of("kind", "HOLIDAY", "name", "x")).status())
                .isEqualTo(400);
        assertThat(admin.put("/api/v1/calendar/days/2033-08-02", "{not json").status()).isEqualTo(400);
        assertThat(admin.put("/api/v1/calendar/days/2033-08-02", Map.of("kind", "MAYBE", "name", "x")).status())
                .isEqualTo(400);
    }
}
